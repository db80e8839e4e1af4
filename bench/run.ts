// `npm run bench -- NAME [options]`: one script a benchmark, each printing a table and a JSON line.
const BENCHES: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  retrieval: () => import('./retrieval.ts'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? BENCHES[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- ${Object.keys(BENCHES).join('|')} [options]`);
  process.exit(2);
}
await (await load()).run(args);
