// A code point's Unicode general category, as the tokenizers of retrieval (lexical-terms.ts) and of
// the quality metrics (tokenize-for-metrics.ts) tell characters apart: letters, marks, numbers.
export const NONE = 0;
export const LETTER = 1; // \p{L}
export const MARK = 2; // \p{M}
export const NUMBER = 3; // \p{N}

const CATEGORY = /^(?:(\p{L})|(\p{M})|\p{N})$/u;
// Basic plane: the category + 1 once looked up with CATEGORY, 0 before (64 KB, filled as met).
const BMP_CATEGORIES = new Uint8Array(0x10000);
// Other planes are rarer; capped, so hostile text cannot grow it without bound.
const astralCategories = new Map<number, number>();
const ASTRAL_CATEGORIES_CAP = 10_000;

/** LETTER, MARK or NUMBER by the code point's general category, else NONE (a lone surrogate too). */
export function categoryOf(codePoint: number): number {
  if (codePoint <= 0xffff) {
    const known = BMP_CATEGORIES[codePoint]!;
    if (known) return known - 1;
    const found = lookUpCategory(codePoint);
    BMP_CATEGORIES[codePoint] = found + 1;
    return found;
  }
  let found = astralCategories.get(codePoint);
  if (found === undefined) {
    found = lookUpCategory(codePoint);
    if (astralCategories.size < ASTRAL_CATEGORIES_CAP) astralCategories.set(codePoint, found);
  }
  return found;
}

function lookUpCategory(codePoint: number): number {
  const match = CATEGORY.exec(String.fromCodePoint(codePoint));
  if (!match) return NONE;
  return match[1] ? LETTER : match[2] ? MARK : NUMBER;
}
