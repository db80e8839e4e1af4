/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { UserDirectory } from '../directory.ts';
import { nameOf } from '../directory.ts';
import { formatDateTime, humanize } from '../format.ts';
import { type IconName, ObjectIcon } from '../icons.tsx';
import { recordPath } from '../paths.ts';
import type { ActivityRow } from '../queries/rows.ts';

const ICON: Record<ActivityRow['type'], IconName> = {
  meeting: 'event',
  call: 'call',
  email: 'email',
  note: 'note',
};

/** Past activities shown before the list is cut (the most recent ones). */
const PAST_LIMIT = 12;

/** Lightning's Activity panel: upcoming meetings first (soonest on top), then the recent past. */
export function ActivityTimeline(props: { activities: ActivityRow[]; directory: UserDirectory; now: Date }) {
  const now = props.now.getTime();
  const upcoming = props.activities
    .filter((a) => Date.parse(a.occurs_at) > now)
    .sort((a, b) => a.occurs_at.localeCompare(b.occurs_at));
  const past = props.activities.filter((a) => Date.parse(a.occurs_at) <= now);
  return (
    <section class="card side-card" id="activity">
      <h2>Activity</h2>
      <Group
        title="Upcoming & Overdue"
        items={upcoming}
        directory={props.directory}
        empty="No upcoming meetings."
      />
      <Group
        title="Past Activities"
        items={past.slice(0, PAST_LIMIT)}
        directory={props.directory}
        empty="No past activity."
        more={past.length - PAST_LIMIT}
      />
    </section>
  );
}

function Group(props: {
  title: string;
  items: ActivityRow[];
  directory: UserDirectory;
  empty: string;
  more?: number;
}) {
  return (
    <div class="timeline-group">
      <h3>{props.title}</h3>
      {props.items.length === 0 ? <p class="muted">{props.empty}</p> : null}
      <ul class="timeline">
        {props.items.map((a) => (
          <li key={a.id}>
            <ObjectIcon name={ICON[a.type]} size={24} />
            <div class="tl-main">
              <a class="tl-subject" href={recordPath('Event', a.id)}>
                {a.subject}
              </a>
              <div class="tl-meta">
                {humanize(a.type)} · {formatDateTime(a.occurs_at)}
                {a.contact_name ? ` · with ${a.contact_name}` : ''}
                {a.owner_id ? ` · ${nameOf(props.directory, a.owner_id)}` : ''}
              </div>
              {a.notes ? <p class="tl-notes">{a.notes}</p> : null}
            </div>
          </li>
        ))}
      </ul>
      {props.more && props.more > 0 ? <p class="muted">and {props.more} older activities</p> : null}
    </div>
  );
}
