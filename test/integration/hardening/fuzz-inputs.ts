/** A small seeded generator of hostile HTTP inputs: same seed, same cases, on every machine. */
export interface Gen {
  int(lo: number, hi: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast and good enough to spread test cases. */
export function createGen(seed: number): Gen {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

// biome-ignore format: a word list reads best packed
const NASTY = ['', ' ', '\u0000', '\u0000abc', 'a\u0000b', '..', '../..', '..%2F..', '%00', '%2e%2e', '/', '\\', '\n', '\r\n', '\t', '\u202e', '\ufeff', '\ud800', '\udfff', '😀', '𝕏', 'ß', 'Ω', 'é', '中文', 'null', 'undefined', 'true', '0', '-1', '1e309', 'NaN', "' OR 1=1 --", '"; DROP TABLE accounts; --', '%', '_', '*', '<script>alert(1)</script>', '{{account.name}}', '\u0024{x}', '</data><instructions>', '001DM0000000001AAA', '001DM0000000002AAA', '00000000-0000-0000-0000-000000000000', '7a1c6a38-9c6f-4a6e-9d43-3f7c1c0b9a11', 'executive', 'pipeline', 'up', 'down'];

/** A string: nasty, random unicode (control characters and lone surrogates included), or huge. */
export function str(g: Gen): string {
  switch (g.int(0, 5)) {
    case 0:
    case 1:
      return g.pick(NASTY);
    case 2:
      return Array.from({ length: g.int(1, 40) }, () => String.fromCharCode(g.int(0, 0xffff))).join('');
    case 3:
      return g.pick(NASTY).repeat(g.int(2, 50));
    case 4:
      return 'x'.repeat(g.pick([63, 64, 65, 200, 201, 2000, 2001, 70_000]));
    default:
      return Array.from({ length: g.int(1, 12) }, () => String.fromCharCode(g.int(0x20, 0x7e))).join('');
  }
}

/** Any JSON value, nesting a few levels deep. */
export function json(g: Gen, depth = 0): unknown {
  switch (g.int(0, depth > 2 ? 4 : 6)) {
    case 0:
      return null;
    case 1:
      return g.chance(0.5);
    case 2:
      return g.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 42]);
    case 3:
    case 4:
      return str(g);
    case 5:
      return Array.from({ length: g.int(0, 4) }, () => json(g, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: g.int(0, 4) }, () => [str(g).slice(0, 20), json(g, depth + 1)]),
      );
  }
}

/** A body for an endpoint whose valid shape is `valid`: each field kept, dropped, retyped or mangled. */
export function mutate(g: Gen, valid: Record<string, unknown>): unknown {
  if (g.chance(0.15)) return json(g);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(valid)) {
    const roll = g.int(0, 5);
    if (roll === 0) continue;
    out[key] = roll === 1 ? json(g) : roll === 2 ? str(g) : value;
  }
  if (g.chance(0.2)) out[str(g).slice(0, 30)] = json(g);
  return out;
}

/** JSON text that is not valid JSON, or valid JSON of the wrong kind. */
export function rawBody(g: Gen, value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  switch (g.int(0, 7)) {
    case 0:
      return text.slice(0, g.int(0, Math.max(0, text.length - 1)));
    case 1:
      return `${text},`;
    case 2:
      return `\ufeff${text}`;
    case 3:
      return text.replace(/"/g, "'");
    case 4:
      return `${text}${text}`;
    case 5:
      return '['.repeat(g.int(1, 5000));
    default:
      return text;
  }
}

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
  'application/jsonx',
] as const;
