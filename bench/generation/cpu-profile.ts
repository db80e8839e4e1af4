import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { table } from '../stats.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Runs fn under V8's sampling CPU profiler (this process's main thread); returns its profile too. */
export async function profiled<T>(fn: () => Promise<T>): Promise<{ value: T; profile: Profile }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    const value = await fn();
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    return { value, profile };
  } finally {
    session.disconnect();
  }
}

// What each place does for a summary, first match wins.
const BUCKETS: [string, RegExp][] = [
  ['database client: pg, transactions, job lease', /^(pg|pg-\w+|pgpass|server\/data|server\/queue)/],
  ['database engine: PGlite in this process', /^(@electric-sql|wasm)/],
  ['model client: AWS SDK, HTTP/2, event stream', /^(@smithy|@aws-sdk|@aws-crypto|server\/llm)/],
  ['retrieval: embedding, k-NN rows, BM25, budget', /^(server\/retrieval|gpt-tokenizer)/],
  ['facts and prompt rendering', /^server\/sections/],
  ['checks and text metrics', /^server\/quality/],
  ['logs and metrics', /^(pino|prom-client|server\/observability|sonic-boom|thread-stream)/],
  ['HTTP routes, auth, SSE', /^(hono|@hono|jose|server\/(routes|http|auth|summaries|app))/],
  ['garbage collection', /^\(garbage collector\)$/],
];

/** Where a frame's code lives: server/folder, a package, wasm; null for Node internals and builtins. */
function place(url: string): string | null {
  if (!url || url.startsWith('node:')) return null;
  const server = /\/server\/([\w-]+)\//.exec(url);
  if (server) return `server/${server[1]}`;
  const pkg = /node_modules\/((?:@[\w.-]+\/)?[\w.-]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('wasm://')) return 'wasm';
  return url.replace(/^.*\/(bench|shared)\//, '$1/');
}

/**
 * Self time by where the code lives. Node internals and V8 builtins (socket writes, JSON.parse,
 * timers) count for the nearest caller in the application or a package: a pg query's socket write
 * is the database client's. Samples with no such caller keep their own name ("(garbage collector)",
 * "(program)", event-loop frames). "(idle)" is left out.
 */
export function byPlace(profile: Profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const placeOf = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const p = place(nodes.get(at)!.callFrame.url);
      if (p) return p;
    }
    const frame = nodes.get(id)!.callFrame;
    return frame.functionName.startsWith('(') ? frame.functionName : 'Node runtime (event loop, streams)';
  };
  const places = new Map<string, number>();
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = nodes.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    total += ms;
    const where = placeOf(id);
    add(places, where, ms);
    add(buckets, BUCKETS.find(([, re]) => re.test(where))?.[0] ?? `other: ${where}`, ms);
    const file = frame.url.replace(/^.*\/(server\/|node_modules\/)/, '$1').replace(/^file:\/\/.*\//, '');
    add(functions, `${frame.functionName || '(anonymous)'} ${file || `← ${where}`}`, ms);
  });
  return { total, buckets, places, functions };
}

/** Prints the CPU by activity, by place and by function, per summary; saves the profile when asked. */
export async function printProfile(
  profile: Profile,
  summaries: number,
  label: string,
  file?: string,
): Promise<void> {
  const { total, buckets, places, functions } = byPlace(profile);
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => [k, (ms / summaries).toFixed(1), `${((100 * ms) / total).toFixed(0)}%`]);
  console.log(
    `\nCPU profile, ${label}: ${(total / summaries).toFixed(1)} ms a summary on the main thread (profiler on)\n`,
  );
  console.log(table(['activity', 'ms/summary', 'share'], top(buckets, 12)));
  console.log();
  console.log(table(['place', 'ms/summary', 'share'], top(places, 12)));
  console.log();
  console.log(table(['function (self time)', 'ms/summary', 'share'], top(functions, 15)));
  if (file) {
    await writeFile(file, JSON.stringify(profile));
    console.log(`\nprofile written to ${file} (Chrome DevTools → Performance → Load profile)`);
  }
}
