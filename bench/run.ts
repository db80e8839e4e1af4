// `npm run bench -- NAME [options]`: one script a benchmark, each printing a table and a JSON line.
const PANEL_BENCH = './panel.ts';
const BENCHES: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  retrieval: () => import('./retrieval.ts'),
  generation: () => import('./generation.ts'),
  load: () => import('./load.ts'),
  statements: () => import('./statements.ts'),
  'model-client': () => import('./model-client.ts'),
  // Through a variable so the server's type-check (no DOM types) does not follow it; the panel
  // benchmark is checked with the end-to-end specs' config (test/e2e/tsconfig.json).
  panel: () => import(PANEL_BENCH),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? BENCHES[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- ${Object.keys(BENCHES).join('|')} [options]`);
  process.exit(2);
}
await (await load()).run(args);
