import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A helper process of the benchmark, so its CPU is not counted as the server's. */
export interface Child<T> {
  /** What the child printed when it was ready (its URL or connection string). */
  ready: T;
  /** CPU the child has used so far, in ms (user + system). */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx bench/generation/FILE args…`. The child prints one JSON line when
 * ready, answers each "cpu" line on stdin with `{"cpuMs": n}`, and exits when stdin closes.
 */
export async function startChild<T>(file: string, args: string[] = []): Promise<Child<T>> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', path, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  lines.on('line', (line) => waiting.shift()?.resolve(line));
  // One listener for every pending answer (a listener per question would pile up on the child).
  child.once('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`${file} exited with ${code}`));
  });
  const next = () => new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
  const ready = JSON.parse(await next()) as T;
  return {
    ready,
    async cpuMs() {
      const answer = next();
      child.stdin!.write('cpu\n');
      return (JSON.parse(await answer) as { cpuMs: number }).cpuMs;
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.stdin!.end();
      await exited;
    },
  };
}

/** The child side: prints `ready`, answers "cpu" requests, calls `close` and exits when stdin ends. */
export function serveParent(ready: unknown, close: () => Promise<void>): void {
  console.log(JSON.stringify(ready));
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line.trim() !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    console.log(JSON.stringify({ cpuMs: (user + system) / 1000 }));
  });
  lines.on('close', () => void close().then(() => process.exit(0)));
}
