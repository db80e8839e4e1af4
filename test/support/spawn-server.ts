import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from './free-port.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface SpawnedServer {
  child: ChildProcess;
  url: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** SIGTERM unless it already ended, then wait for the exit (graceful: jobs are handed back). */
  stop(): Promise<void>;
}

/**
 * The server as deployed, `node --import tsx server/index.ts`, on a free loopback port, with only
 * `env` (plus PATH and HOME) in its environment, so the caller's own settings do not leak in.
 * Readiness is the caller's to wait for (a log line, /healthz).
 */
export async function spawnServer(
  env: Record<string, string>,
  stdio: { stdout: boolean } = { stdout: true },
): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', stdio.stdout ? 'pipe' : 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
