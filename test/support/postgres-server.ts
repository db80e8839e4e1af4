import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

/** A throwaway PostgreSQL cluster on loopback, started by the test run itself (Debian's packages). */
export interface PostgresServer {
  url: string;
  version: string;
  /**
   * Stops the server (fast shutdown: sessions are cut, as in a restart or failover), stays down for
   * `downMs`, then starts it again on the same port and data; resolves once it accepts connections.
   */
  restart(options?: { downMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  return null;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found: apt-get install -y postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'account-summaries-pg-'));
  chmodSync(dir, 0o777);
  // initdb and postgres refuse to run as root; run them as the package's postgres user then.
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  const run = (cmd: string, args: string[]) =>
    asPostgres.length
      ? execFileSync(asPostgres[0]!, [...asPostgres.slice(1), cmd, ...args])
      : execFileSync(cmd, args);
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-F', '-c', 'fsync=off'];
  const launch = async (): Promise<ChildProcess> => {
    const child: ChildProcess = asPostgres.length
      ? spawn(asPostgres[0]!, [...asPostgres.slice(1), join(bin, 'postgres'), ...args], {
          stdio: ['ignore', 'ignore', 'pipe'],
        })
      : spawn(join(bin, 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`postgres did not start:\n${log}`)), 30_000);
      child.stderr?.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes('ready to accept connections')) {
          clearTimeout(timer);
          ready();
        }
      });
      child.once('exit', (code) => fail(new Error(`postgres exited with ${code}:\n${log}`)));
    });
    return child;
  };
  let child = await launch();
  // Through pg_ctl: under root the child is runuser, which does not pass signals on.
  const halt = async (mode: 'fast' | 'immediate') => {
    const exited = new Promise<void>((done) =>
      child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done()),
    );
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
    } catch {
      child.kill('SIGKILL');
    }
    await exited;
  };
  const version = execFileSync(join(bin, 'postgres'), ['--version']).toString().trim();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version,
    restart: async ({ downMs = 0 } = {}) => {
      await halt('fast');
      await new Promise((r) => setTimeout(r, downMs));
      child = await launch();
    },
    stop: async () => {
      await halt('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
