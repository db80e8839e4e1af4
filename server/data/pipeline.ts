import type pg from 'pg';
import type { Queryable } from './db.ts';
import { inlineValues } from './sql-literal.ts';

interface Pending {
  sql: string;
  params?: readonly unknown[];
  last?: boolean;
  resolve(rows: unknown[]): void;
  reject(error: unknown): void;
}

export interface TransactionOptions {
  /**
   * The transaction is its first message: COMMIT is sent with it, and a statement issued after it is
   * refused. For transactions that issue their statements together and decide nothing afterwards
   * that should undo them (a write, a set of reads): one round trip instead of two.
   */
  oneMessage?: boolean;
}

export interface StatementOptions {
  /**
   * The transaction's last statement: COMMIT is sent in its message (with whatever is issued in the
   * same tick), and a statement issued after it is refused. For a transaction whose last step is
   * known where it is issued; one round trip less.
   */
  last?: boolean;
}

export interface Pipeline {
  q: Queryable;
  /** Ends the transaction with COMMIT or ROLLBACK; nothing is sent if no statement ever was. */
  end(statement: 'COMMIT' | 'ROLLBACK'): Promise<void>;
}

/**
 * One transaction's statements, sent in as few round trips as the code allows. Every round trip
 * costs the server CPU (protocol framing, socket writes, a wake-up) on top of the database's own
 * work, and a summary made ~110 of them. So: the transaction's opening statements (`begin`: BEGIN,
 * the role switch) travel with its first statements, and statements issued in the same tick — a
 * Promise.all of independent reads, a lease fence and the write it guards — share one message.
 * PostgreSQL runs a message's statements one after another, in the order issued; if one fails, the
 * rest are skipped and every statement of that message rejects with the error (the transaction is
 * aborted then anyway). A message of several statements uses the simple query protocol, which has
 * no parameters, so their values are inlined as literals typed from context as parameters are
 * (sql-literal.ts); a lone statement after the first message keeps the extended protocol.
 */
export function pipeline(
  client: pg.PoolClient,
  begin: readonly string[],
  options: TransactionOptions = {},
): Pipeline {
  let opening: readonly string[] | null = begin;
  let pending: Pending[] = [];
  let ended = false;
  let committed = false;

  const flush = () => {
    const batch = pending;
    pending = [];
    if (!batch.length) return;
    const head = opening ?? [];
    const commit = (opening !== null && options.oneMessage === true) || batch.some((p) => p.last);
    if (!head.length && batch.length === 1 && !commit) {
      const [one] = batch as [Pending];
      client.query(one.sql, one.params as unknown[]).then((r) => one.resolve(r.rows), one.reject);
      return;
    }
    let text: string;
    try {
      const statements = batch.map((p) => (p.params?.length ? inlineValues(p.sql, p.params) : p.sql));
      text = [...head, ...statements, ...(commit ? ['COMMIT'] : [])].join(';\n');
    } catch (error) {
      // Nothing was sent: BEGIN and the role switch still go with the next statements.
      for (const p of batch) p.reject(error);
      return;
    }
    opening = null;
    if (commit) ended = true;
    client.query(text).then(
      (result) => {
        const results = (Array.isArray(result) ? result : [result]) as pg.QueryResult[];
        committed = commit;
        for (const [i, p] of batch.entries()) p.resolve(results[head.length + i]?.rows ?? []);
      },
      (error) => {
        for (const p of batch) p.reject(error);
      },
    );
  };

  const q: Queryable = {
    query<T>(sql: string, params?: readonly unknown[], statement?: StatementOptions) {
      if (ended) {
        const why = options.oneMessage ? 'was sent in one message' : 'ended or was committed';
        return Promise.reject(new Error(`a statement was issued after its transaction ${why}`));
      }
      return new Promise<T[]>((resolve, reject) => {
        pending.push({
          sql,
          params,
          last: statement?.last,
          resolve: resolve as (rows: unknown[]) => void,
          reject,
        });
        // After the current synchronous run: every statement issued in it joins this message.
        if (pending.length === 1) queueMicrotask(flush);
      });
    },
  };

  return {
    q,
    async end(statement) {
      ended = true;
      // Issued but not yet sent (fn returned without awaiting them): they go first, and fail with
      // the transaction if they fail.
      flush();
      // Nothing sent (the transaction never began on the server), or committed with its message.
      if (opening || committed) return;
      await client.query(statement);
    },
  };
}
