import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureInstall, run } from './ensure-install.mjs';

// The main job on a fresh clone: install, build the extension, start the server with demo data.
ensureInstall();
console.log('› building the extension (wxt build)…');
run('npx', ['wxt', 'build']);
console.log(`
  Extension built: ${resolve('.output/chrome-mv3')}
  Load it in Chromium/Chrome: open chrome://extensions, switch on "Developer mode",
  click "Load unpacked" and choose the folder above. Then sign in to the demo CRM below;
  the extension signs in with you, and its side panel opens from the toolbar icon.
`);
const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
