import { readFileSync } from 'node:fs';
import { spawnServer } from '../../test/support/spawn-server.ts';

/** The server as deployed: `node --import tsx server/index.ts` in its own process, on loopback. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** True while the process has not exited (a crash shows here). */
  alive(): boolean;
  /** How it exited, when it did. */
  exit(): string | null;
  /** The end of what it wrote to stderr (a crash's stack trace). */
  stderr(): string;
  /** RSS now, in MB. */
  rssMb(): number;
  /** Peak RSS and heap used seen by `sampleMemory` since the last call, in MB. */
  takePeak(): { rssMb: number; heapMb: number };
  /** Samples RSS (/proc) and heap (GET /metrics) every `ms` until the returned stop is called. */
  sampleMemory(ms?: number): () => void;
  stop(): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const { child, url, stop } = await spawnServer(env, { stdout: false });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${stderr}`);
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const peak = { rss: 0, heap: 0 };
  const rssMb = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  const heapMb = async () => {
    const text = await fetch(`${url}/metrics`).then(
      (r) => r.text(),
      () => '',
    );
    return Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? 0) / 2 ** 20;
  };
  return {
    url,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    exit: () => (child.exitCode ?? child.signalCode)?.toString() ?? null,
    stderr: () => stderr,
    rssMb,
    takePeak: () => {
      const taken = { rssMb: peak.rss, heapMb: peak.heap };
      peak.rss = 0;
      peak.heap = 0;
      return taken;
    },
    sampleMemory(ms = 500) {
      const timer = setInterval(async () => {
        peak.rss = Math.max(peak.rss, rssMb());
        peak.heap = Math.max(peak.heap, await heapMb());
      }, ms);
      return () => clearInterval(timer);
    },
    stop,
  };
}
