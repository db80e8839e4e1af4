import { useMemo } from 'react';
import { type KeptBrief, usePanelStore } from '../stores/panel-store.ts';
import { BriefView } from './brief-view.tsx';

/**
 * The briefs the controller keeps (the last few accounts shown, and other tabs' cached briefs read
 * ahead), each rendered in its own slot with only the current one visible: switching back to a tab
 * shows its brief by un-hiding it rather than building it again. The controller empties the list
 * when the seller or backend changes and drops expired briefs from it; the visible slot always
 * shows what the store holds for the current account.
 */
export function BriefStack({ shown }: { shown: boolean }) {
  const kept = usePanelStore((s) => s.kept);
  const summary = usePanelStore((s) => (shown ? s.summary : null));
  const feedback = usePanelStore((s) => s.feedback);
  const slots = useMemo(() => {
    const others = kept.filter((k) => k.accountId !== summary?.accountId);
    const all: KeptBrief[] = summary
      ? [...others, { accountId: summary.accountId, summary, feedback }]
      : others;
    // A stable order: slots never move in the DOM when the seller switches between them.
    return all.sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
  }, [kept, summary, feedback]);
  return (
    <>
      {slots.map((brief) => {
        const live = brief.accountId === summary?.accountId;
        return (
          <div key={brief.accountId} className="brief-slot" hidden={!live} data-live={live}>
            <BriefView summary={brief.summary} feedback={brief.feedback} live={live} />
          </div>
        );
      })}
    </>
  );
}
