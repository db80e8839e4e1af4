import { describe, expect, it } from 'vitest';
import {
  createLogger,
  currentLog,
  type LogLevel,
  scopedOr,
  withLog,
} from '../../../../server/observability/logger.ts';

function captured(level?: LogLevel) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON object a line with the level as a word, an ISO time and the message', () => {
    const { logger, lines } = captured();
    logger.info({ route: '/v1/accounts', status: 200 }, 'request');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        route: '/v1/accounts',
        status: 200,
        service: 'account-summaries',
      }),
    ]);
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
  });

  it('drops lines below its level (default info)', () => {
    const info = captured();
    info.logger.debug('hidden');
    const warn = captured('warn');
    warn.logger.info('hidden');
    warn.logger.warn('shown');
    const silent = captured('silent');
    silent.logger.error('hidden');
    expect(info.lines).toEqual([]);
    expect(warn.lines.map((l) => l.msg)).toEqual(['shown']);
    expect(silent.lines).toEqual([]);
  });

  it('redacts tokens and authorization headers should a caller ever pass them', () => {
    const { logger, lines } = captured();
    logger.info({ token: 'eyJ.secret', headers: { authorization: 'Bearer eyJ.secret' } }, 'oops');
    expect(JSON.stringify(lines)).not.toContain('secret');
  });
});

describe('currentLog / withLog', () => {
  it('is the scoped logger inside withLog, awaited and scheduled work included, and a default outside', async () => {
    const { logger, lines } = captured();
    const outside = currentLog();
    expect(scopedOr(logger)).toBe(logger);
    await withLog(logger.child({ reqId: 'r-1' }), async () => {
      currentLog().info('first');
      await new Promise((r) => setTimeout(r, 1));
      await Promise.all([1, 2].map(async (n) => currentLog().child({ n }).info('nested')));
      setTimeout(() => currentLog().info('later'), 0);
      await new Promise((r) => setTimeout(r, 5));
    });
    expect(currentLog()).toBe(outside);
    expect(lines.map((l) => [l.msg, l.reqId])).toEqual([
      ['first', 'r-1'],
      ['nested', 'r-1'],
      ['nested', 'r-1'],
      ['later', 'r-1'],
    ]);
  });
});
