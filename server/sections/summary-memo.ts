/**
 * Reads shared by the sections of one summary run. Four sections read documents; without sharing,
 * each re-read the account's document focus in a transaction of its own, and the news (organization,
 * executive) and meeting-note (pipeline, executive) retrievals ran twice with identical inputs.
 *
 * An entry is the promise of one read, keyed by the read's exact inputs (user included), so sections
 * running side by side wait for the read in flight instead of starting another. The memo only holds
 * results: each read is still the caller's own, made in a db.asUser transaction as the requesting
 * user, so row-level security decides what is read exactly as before. It lives for one
 * generateSummary run, so nothing outlasts the summary. A read that fails is forgotten, so a
 * section that asks later tries again rather than inheriting the failure.
 */
export interface SummaryMemo {
  /** The result of `read` for this key: started on the first call, shared by every later one. */
  once<T>(key: readonly unknown[], read: () => Promise<T>): Promise<T>;
}

export function createSummaryMemo(): SummaryMemo {
  const reads = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: readonly unknown[], read: () => Promise<T>): Promise<T> {
      const id = JSON.stringify(key);
      const known = reads.get(id);
      if (known) return known as Promise<T>;
      const started = read();
      reads.set(id, started);
      // Each caller still sees the rejection; this only drops the entry.
      started.catch(() => {
        if (reads.get(id) === started) reads.delete(id);
      });
      return started;
    },
  };
}
