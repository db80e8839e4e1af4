import { spawnServer } from '../../support/spawn-server.ts';

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

/** Starts the server with `env` on a free port and resolves once it logs 'listening'. */
export async function startServerProcess(name: string, env: Record<string, string>): Promise<ServerProcess> {
  // PGAPPNAME tags this process's database sessions, so a test can tell whose write is whose.
  const { child, url, exited, stop } = await spawnServer({ PGAPPNAME: name, ...env });
  const logs: string[] = [];
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
    url,
    pid: child.pid!,
    logs,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop,
  };
}
