import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the repository's TypeScript CLIs as `npm run` would (through tsx) on an on-disk
 * database in `dataDir`, and resolves with its exit code and output instead of rejecting on failure.
 */
export function runCli(script: string, args: string[], dataDir: string): Promise<CliResult> {
  return run(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DB_MEMORY: 'false' },
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: CliResult) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
