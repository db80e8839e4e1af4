import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../support/free-port.ts';

/** A real server process (`node --import tsx server/index.ts`) on loopback. */
export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  /** Its stdout and stderr lines so far (JSON log lines). */
  logs: string[];
  /** SIGKILL: no shutdown handler runs, the job lease is simply no longer renewed. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit (graceful: jobs are handed back). */
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../../..');

/** Starts the server with `env` on a free port and resolves once it logs 'listening'. */
export async function startServerProcess(name: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Tags this process's database sessions, so a test can tell whose write is whose.
      PGAPPNAME: name,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const collect = (data: Buffer) => logs.push(...data.toString().split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start:\n${logs.join('\n')}`)), 90_000);
    const check = () => {
      if (logs.some((l) => l.includes('"msg":"listening"'))) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${name} exited with ${code}:\n${logs.join('\n')}`));
    });
  });
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    logs,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
