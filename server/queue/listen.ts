import pg from 'pg';

export const JOBS_CHANNEL = 'generation_jobs';

export interface JobListener {
  /** True while the LISTEN connection is up (the worker then polls only as a safety net). */
  readonly connected: boolean;
  close(): Promise<void>;
}

/**
 * Holds one extra connection LISTENing on the jobs channel and calls `wake` on every notification
 * (an enqueue, delivered on commit) and after each (re)connect, so nothing missed while down stays
 * waiting for the next poll. Reconnects with backoff up to 30 s; polling covers the gaps.
 */
export function listenForJobs(
  url: string,
  wake: () => void,
  log: (msg: string, error: unknown) => void,
): JobListener {
  let client: pg.Client | null = null;
  let connected = false;
  let closed = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | undefined;

  const retry = () => {
    connected = false;
    if (closed) return;
    timer = setTimeout(connect, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, 30_000);
  };

  async function connect() {
    const next = new pg.Client({ connectionString: url });
    client = next;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      if (!closed) log('job listener disconnected', error);
      next.end().catch(() => {});
      retry();
    };
    next.on('error', fail);
    next.on('end', () => fail(new Error('connection ended')));
    next.on('notification', () => wake());
    try {
      await next.connect();
      await next.query(`LISTEN ${JOBS_CHANNEL}`);
      if (closed) return void next.end().catch(() => {});
      connected = true;
      retryMs = 500;
      wake();
    } catch (error) {
      fail(error);
    }
  }

  void connect();
  return {
    get connected() {
      return connected;
    },
    close: async () => {
      closed = true;
      connected = false;
      clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}

/**
 * Whether LISTEN/NOTIFY reaches other connections: a real PostgreSQL yes; PGlite behind a wire
 * server (pglite-socket) accepts LISTEN but never delivers, so workers there poll.
 */
export async function deliversNotifications(query: () => Promise<string>): Promise<boolean> {
  return !/PGlite/i.test(await query());
}
