import { useId } from 'react';
import { notifyDeliveriesItem } from '../lib/settings.ts';
import { useStorageItem } from './options-use-item.ts';

/** Whether briefs prepared before the seller's meetings are announced by a browser notification. */
export function NotificationSettings() {
  const id = useId();
  const enabled = useStorageItem(notifyDeliveriesItem);
  return (
    <section className="group" aria-labelledby={`${id}-h`} data-testid="notification-settings">
      <h2 id={`${id}-h`}>Notifications</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={enabled ?? true}
          disabled={enabled === undefined}
          aria-describedby={`${id}-note`}
          onChange={(e) => void notifyDeliveriesItem.setValue(e.target.checked)}
        />
        Notify me when a pre-meeting brief is ready
      </label>
      <p id={`${id}-note`} className="hint">
        Before a meeting on your calendar, its account's brief is prepared ahead of time; the notification
        opens it.
      </p>
    </section>
  );
}
