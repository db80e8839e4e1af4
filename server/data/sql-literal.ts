import pg from 'pg';

/**
 * Values inlined as SQL literals, for statements sent in one round trip with others: the simple
 * query protocol that allows several statements a message has no parameters. Strings are escaped
 * by node-postgres (quotes doubled, backslashes as E'…').
 */
export function sqlLiteral(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error('only integers are inlined as SQL literals');
    return String(value);
  }
  // A NUL would end the protocol message early (PostgreSQL rejects NUL in text values anyway).
  if (value.includes('\0')) throw new Error('an SQL literal cannot contain NUL');
  return escapeLiteral(value);
}

/**
 * pg.escapeLiteral's output (quotes doubled; with a backslash, backslashes doubled and the E'…'
 * form), without its character-by-character string building: whole messages of inlined values
 * (section text, vectors) pass through here on every summary.
 */
export function escapeLiteral(value: string): string {
  const quoted = value.includes("'") ? value.replaceAll("'", "''") : value;
  return value.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils
  .prepareValue;

/**
 * A parameter as the extended protocol would send it — node-postgres's own text form (dates, arrays,
 * JSON) — quoted as an untyped literal, which PostgreSQL types from its context exactly as it types
 * an unspecified parameter. NULL for null and undefined; binary values are not inlined.
 */
export function parameterLiteral(value: unknown): string {
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  if (typeof text !== 'string') throw new Error('binary values are not inlined as SQL literals');
  return sqlLiteral(text);
}

/** The statement with $1, $2 … replaced by its values as literals; for SQL without `$` of its own. */
export function inlineValues(sql: string, values: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= values.length) throw new Error(`no value for $${n}`);
    return parameterLiteral(values[index]);
  });
}
