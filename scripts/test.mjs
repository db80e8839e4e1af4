import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureInstall } from './ensure-install.mjs';

// `npm test`: every check the project has, in order of speed; all run, the summary says what failed.
ensureInstall();
const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint + format', 'npm', ['run', '--silent', 'lint']],
  ['unit', 'npm', ['run', '--silent', 'test:unit']],
  ['integration', 'npm', ['run', '--silent', 'test:integration']],
  ['end-to-end (Chromium)', 'npm', ['run', '--silent', 'test:e2e']],
];
if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error(
    '✖ Chromium not found at /usr/bin/chromium: run `apt-get install -y chromium` (or set CHROMIUM_PATH).',
  );
}
const failed = [];
for (const [name, command, args] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) console.log(`✔ ${name} (${seconds} s)`);
  else {
    console.log(`✖ ${name} failed (${seconds} s)`);
    failed.push(name);
  }
}
console.log(`\nchecks: ${steps.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
