/**
 * Whether an error says the database cannot be reached right now (stopped, restarting, failing
 * over, connection cut) rather than that a query is wrong: those get a 503 the client may retry,
 * not a 500 that reads like a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // Node socket errors; SQLSTATE class 08 (connection exception) and 57P01–57P03 (shutdown,
    // crash shutdown, cannot connect now).
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND'].includes(code)) return true;
    if (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code)) return true;
  }
  // pg's own wording when the server goes away between or during queries.
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    error.message,
  );
}

/** Seconds a client should wait before retrying while the database is away (a restart or failover). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
