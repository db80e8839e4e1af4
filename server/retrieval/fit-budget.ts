import { countTokens, truncateWithCount } from './tokens.ts';

// Below this many tokens a cut passage is more noise than context: stop instead.
const MIN_PARTIAL_TOKENS = 32;

export interface Budgeted {
  text: string;
  tokens: number;
  truncated: boolean;
}

/**
 * Keeps items in order while their texts fit in `budget` tokens (an item's `tokens` when it knows
 * them — a chunk's count stored at indexing — else counted with the tokenizer). The first item
 * that does not fit is cut to the remaining budget when enough remains, then the list ends, so
 * rank order is never traded for length. Without a budget every item is kept whole.
 */
export function fitToBudget<T extends { text: string; tokens?: number }>(
  items: readonly T[],
  budget?: number,
): (T & Budgeted)[] {
  const out: (T & Budgeted)[] = [];
  let left = budget ?? Number.POSITIVE_INFINITY;
  for (const item of items) {
    const tokens = item.tokens ?? countTokens(item.text);
    if (tokens <= left) {
      out.push({ ...item, tokens, truncated: false });
      left -= tokens;
      continue;
    }
    if (left >= MIN_PARTIAL_TOKENS) {
      // The cut's count comes with it: truncating has just measured it.
      const { text, tokens } = truncateWithCount(item.text, left);
      if (text) out.push({ ...item, text, tokens, truncated: true });
    }
    break;
  }
  return out;
}
