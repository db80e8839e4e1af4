/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { type IconName, ObjectIcon } from '../icons.tsx';

export interface Field {
  label: string;
  value: Child;
  /** Spans the whole Details grid (long text such as a description). */
  wide?: boolean;
}

/**
 * Lightning's record highlights panel. data-object / data-record-id / data-record-name are the
 * hints the extension reads when the URL alone does not say which record the page shows.
 */
export function RecordHeader(props: {
  object: string;
  objectLabel: string;
  icon: IconName;
  id: string;
  name: string;
  fields: Field[];
  actions?: string[];
}) {
  return (
    <section
      class="card record-header"
      data-object={props.object}
      data-record-id={props.id}
      data-record-name={props.name}
    >
      <div class="rh-top">
        <ObjectIcon name={props.icon} />
        <div class="rh-title-block">
          <div class="rh-object">{props.objectLabel}</div>
          <h1 class="rh-title">{props.name}</h1>
        </div>
        <div class="rh-actions">
          <button type="button" class="btn">
            + Follow
          </button>
          <span class="btn-group">
            {(props.actions ?? ['Edit', 'Delete']).map((a) => (
              <button key={a} type="button" class="btn">
                {a}
              </button>
            ))}
          </span>
        </div>
      </div>
      <ul class="rh-fields">
        {props.fields.map((f) => (
          <li key={f.label}>
            <span class="field-label">{f.label}</span>
            <span class="field-value">{f.value}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A Details tab: label/value pairs in a two-column grid. */
export function DetailsList(props: { fields: Field[] }) {
  return (
    <dl class="details-grid">
      {props.fields.map((f) => (
        <div key={f.label} class={f.wide ? 'wide' : undefined}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
