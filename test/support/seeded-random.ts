/**
 * mulberry32: a small seeded generator, so every run of a property test tests the same inputs.
 * `codeUnits` gives any UTF-16 code units: mostly ASCII, some from anywhere in the basic plane
 * (lone surrogates too).
 */
export function seededRandom(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const text = (parts: readonly string[], maxParts: number) =>
    Array.from({ length: int(maxParts + 1) }, () => pick(parts)).join('');
  const codeUnits = (max: number) =>
    String.fromCharCode(
      ...Array.from({ length: int(max + 1) }, () => (next() < 0.6 ? int(0x80) : int(0x10000))),
    );
  return { int, pick, text, codeUnits };
}
