import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/data/db.ts';

const root = mkdtempSync(join(tmpdir(), 'data-dir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the embedded database on disk', () => {
  it('creates its folder and any missing parents (a fresh clone has no .data/)', async () => {
    const dataDir = join(root, '.data', 'pglite');
    const db = await openDatabase({ dataDir });
    try {
      expect(await db.asSystem((q) => q.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  }, 60_000);
});
