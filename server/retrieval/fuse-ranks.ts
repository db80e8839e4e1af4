/** The constant of reciprocal rank fusion (Cormack et al.): damps the weight of the very top ranks. */
const RRF_K = 60;

/**
 * Reciprocal rank fusion: each id scores Σ 1/(60 + rank) over the ranked lists it appears in,
 * so agreement between vector and full-text search wins without calibrating their scores.
 * Ties keep first-list order.
 */
export function fuseRanks(lists: readonly (readonly number[])[]): { id: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const list of lists) {
    for (const [i, id] of list.entries()) scores.set(id, (scores.get(id) ?? 0) + 1 / (RRF_K + i + 1));
  }
  const order = [...scores.keys()];
  return order
    .map((id, position) => ({ id, score: scores.get(id)!, position }))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map(({ id, score }) => ({ id, score }));
}
