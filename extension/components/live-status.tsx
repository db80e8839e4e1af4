import { useEffect, useRef, useState } from 'react';
import type { SectionResult } from '../../shared/api.ts';

/**
 * Tells screen readers, politely, as each section of a brief being written becomes readable, and
 * when the whole brief is there. The sections themselves are not live regions: reading six cards
 * aloud as they stream in would drown everything else.
 */
export function LiveStatus({ requestId, sections }: { requestId: string; sections: SectionResult[] }) {
  const seen = useRef<{ requestId: string; done: Set<string> } | null>(null);
  const [message, setMessage] = useState('');
  const finished = sections.filter((s) => s.status === 'done' || s.status === 'failed');
  const key = finished.map((s) => `${s.id}:${s.status}`).join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the finished sections.
  useEffect(() => {
    const previous = seen.current?.requestId === requestId ? seen.current.done : null;
    seen.current = { requestId, done: new Set(finished.map((s) => s.id)) };
    // A brief shown whole (from the cache) is announced once, not section by section.
    if (!previous) {
      if (finished.length === sections.length) setMessage(`Brief ready: ${sections.length} sections.`);
      return;
    }
    const fresh = finished.filter((s) => !previous.has(s.id));
    if (fresh.length === 0) return;
    const parts = fresh.map((s) => (s.status === 'done' ? `${s.title} ready.` : `${s.title} failed.`));
    if (finished.length === sections.length) parts.push('Brief complete.');
    setMessage(parts.join(' '));
  }, [requestId, key, sections.length]);

  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="live-status">
      {message}
    </div>
  );
}
