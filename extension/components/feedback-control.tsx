import { useId, useState } from 'react';
import type { FeedbackRequest } from '../../shared/api.ts';
import type { Rating } from '../db.ts';
import type { FeedbackTarget } from '../features/feedback.ts';
import { Icon } from './icons.tsx';
import { usePanelActions } from './panel-actions.ts';

type Reason = NonNullable<FeedbackRequest['reason']>;

const REASONS: [Reason, string][] = [
  ['wrong_number', 'Wrong number'],
  ['outdated', 'Outdated'],
  ['missing_information', 'Missing information'],
  ['other', 'Other'],
];

/** Thumbs up sends at once; thumbs down first asks (optionally) what was wrong. */
export function FeedbackControl(props: {
  target: FeedbackTarget;
  label: string;
  given: Rating | undefined;
  prompt?: string;
}) {
  const { giveFeedback } = usePanelActions();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState<Reason | undefined>();
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<'idle' | 'sending' | 'failed'>('idle');
  const commentId = useId();

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
      aria-pressed={props.given === rating}
      aria-label={`${rating === 'up' ? 'Helpful' : 'Not helpful'}: ${props.label}`}
      disabled={status === 'sending'}
      onClick={() => (rating === 'up' ? void send('up') : setAsking((open) => !open))}
    >
      <Icon name={rating} width={14} height={14} />
    </button>
  );

  return (
    <div className="feedback">
      <div className="feedback-row">
        <span className="feedback-prompt">
          {props.given ? 'Thanks for the feedback' : (props.prompt ?? 'Helpful?')}
        </span>
        {thumb('up')}
        {thumb('down')}
      </div>
      {status === 'failed' && (
        <p className="feedback-error" role="alert">
          Couldn’t send your feedback. Try again.
        </p>
      )}
      {asking && (
        <form
          className="feedback-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send('down', { reason, comment });
          }}
          onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
        >
          <fieldset className="reasons">
            <legend>What was wrong?</legend>
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
          <label htmlFor={commentId} className="sr-only">
            Comment (optional)
          </label>
          <textarea
            id={commentId}
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
