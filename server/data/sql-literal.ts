import pg from 'pg';

/**
 * Values inlined as SQL literals, for the few statements sent in one round trip with others: the
 * simple query protocol that allows several statements a message has no parameters. Only strings
 * and integers; strings are escaped by node-postgres (quotes doubled, backslashes as E'…').
 */
export function sqlLiteral(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error('only integers are inlined as SQL literals');
    return String(value);
  }
  // A NUL would end the protocol message early (PostgreSQL rejects NUL in text values anyway).
  if (value.includes('\0')) throw new Error('an SQL literal cannot contain NUL');
  return pg.escapeLiteral(value);
}

/** The statement with $1, $2 … replaced by its values as literals; for SQL without `$` of its own. */
export function inlineValues(sql: string, values: readonly (string | number)[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    if (value === undefined) throw new Error(`no value for $${n}`);
    return sqlLiteral(value);
  });
}
