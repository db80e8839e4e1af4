import { useId, useState } from 'react';
import type { FeedbackRequest } from '../../shared/api.ts';
import type { Rating } from '../db.ts';
import type { FeedbackTarget, GivenFeedback } from '../features/feedback.ts';
import { Icon } from './icons.tsx';
import { usePanelActions } from './panel-actions.ts';

type Reason = NonNullable<FeedbackRequest['reason']>;

const REASONS: [Reason, string][] = [
  ['wrong_number', 'Wrong number'],
  ['outdated', 'Outdated'],
  ['missing_information', 'Missing information'],
  ['other', 'Other'],
];

function statusText(given: GivenFeedback | undefined, prompt: string): string {
  if (!given) return prompt;
  if (given.state === 'queued') return 'Saved · sends when the server is reachable';
  if (given.state === 'failed') return 'The server didn’t accept this feedback';
  return 'Thanks for the feedback';
}

/** Thumbs up sends at once; thumbs down first asks (optionally) what was wrong. */
export function FeedbackControl(props: {
  target: FeedbackTarget;
  label: string;
  given: GivenFeedback | undefined;
  prompt?: string;
}) {
  const { giveFeedback } = usePanelActions();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<Reason | undefined>();
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<'idle' | 'sending' | 'failed'>('idle');
  const formId = useId();

  async function send(rating: Rating, details: Pick<FeedbackRequest, 'reason' | 'comment'> = {}) {
    setStatus('sending');
    try {
      await giveFeedback(props.target, rating, details);
      setStatus('idle');
      setAsking(false);
    } catch {
      setStatus('failed');
    }
  }

  const thumb = (rating: Rating) => (
    <button
      type="button"
      className={`thumb thumb-${rating}`}
      aria-pressed={props.given?.rating === rating}
      aria-label={`${rating === 'up' ? 'Helpful' : 'Not helpful'}: ${props.label}`}
      aria-expanded={rating === 'down' ? asking : undefined}
      aria-controls={rating === 'down' && asking ? formId : undefined}
      disabled={status === 'sending'}
      onClick={() => (rating === 'up' ? void send('up') : setAsking((open) => !open))}
    >
      <Icon name={rating} width={14} height={14} />
    </button>
  );

  return (
    <div className="feedback" data-feedback-state={props.given?.state ?? 'none'}>
      <div className="feedback-row">
        <span className={`feedback-prompt feedback-${props.given?.state ?? 'none'}`} role="status">
          {statusText(props.given, props.prompt ?? 'Helpful?')}
        </span>
        {thumb('up')}
        {thumb('down')}
      </div>
      {status === 'failed' && (
        <p className="feedback-error" role="alert">
          Couldn’t save your feedback. Try again.
        </p>
      )}
      {asking && (
        <form
          id={formId}
          className="feedback-form"
          aria-label={`What was wrong with ${props.label}`}
          onSubmit={(e) => {
            e.preventDefault();
            void send('down', { reason, comment });
          }}
          onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
        >
          <fieldset className="reasons">
            <legend>What was wrong? (optional)</legend>
            {REASONS.map(([value, text]) => (
              <button
                key={value}
                type="button"
                className="chip"
                aria-pressed={reason === value}
                onClick={() => setReason(reason === value ? undefined : value)}
              >
                {text}
              </button>
            ))}
          </fieldset>
          <label htmlFor={`${formId}-comment`} className="sr-only">
            Comment (optional)
          </label>
          <textarea
            id={`${formId}-comment`}
            rows={2}
            maxLength={2000}
            placeholder="Add a comment (optional)"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="feedback-actions">
            <button type="button" className="btn btn-ghost" onClick={() => setAsking(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={status === 'sending'}>
              Send
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
