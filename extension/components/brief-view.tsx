import { SECTION_IDS } from '../../shared/sections.ts';
import { usePanelStore } from '../stores/panel-store.ts';
import { BriefHeader } from './brief-header.tsx';
import { FeedbackControl } from './feedback-control.tsx';
import { Icon } from './icons.tsx';
import { usePanelActions } from './panel-actions.ts';
import { SectionCard } from './section-card.tsx';

const order = (id: string) => {
  const i = (SECTION_IDS as readonly string[]).indexOf(id);
  return i < 0 ? SECTION_IDS.length : i;
};

/** A summary being written or finished: header, the six sections in order, whole-brief feedback. */
export function BriefView() {
  const summary = usePanelStore((s) => s.summary);
  const cachedAt = usePanelStore((s) => s.cachedAt);
  const refreshing = usePanelStore((s) => s.refreshing);
  const fromSelection = usePanelStore((s) => s.fromSelection);
  const feedback = usePanelStore((s) => s.feedback);
  const { clearRequest } = usePanelActions();
  if (!summary) return null;
  const sections = [...summary.sections].sort((a, b) => order(a.id) - order(b.id));
  const finished = summary.status === 'done' || summary.status === 'partial';
  const unverified = sections.some((s) => (s.checks.numbers?.unsupported.length ?? 0) > 0);

  return (
    <div className="brief">
      {fromSelection && (
        <div className="selection-bar">
          <span>From your selection</span>
          <button type="button" className="link-btn" onClick={clearRequest}>
            <Icon name="back" width={12} height={12} />
            Back to this page
          </button>
        </div>
      )}
      <BriefHeader summary={summary} cachedAt={cachedAt} refreshing={refreshing} />
      {sections.map((section) => (
        <SectionCard key={section.id} section={section} feedback={feedback[section.id]} />
      ))}
      {finished && (
        <footer className="brief-foot">
          <FeedbackControl
            target="summary"
            label="the whole brief"
            prompt="Was this brief useful?"
            given={feedback.summary}
          />
          <p className="fine-print">
            Written from your CRM data and the cited sources; every figure is checked against them.
            {unverified && ' Highlighted figures could not be verified — check them before you quote them.'}
          </p>
        </footer>
      )}
    </div>
  );
}
