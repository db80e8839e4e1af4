/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';

/**
 * Related | Details tabs without JavaScript: two radio inputs drive which panel shows (see the
 * .tab-* rules in styles.ts), and the labels are keyboard-reachable through the radios.
 */
export function RecordTabs(props: { related: Child; details: Child }) {
  return (
    <section class="card tabs">
      <input class="tab-input" type="radio" name="record-tab" id="tab-related" checked />
      <input class="tab-input" type="radio" name="record-tab" id="tab-details" />
      <div class="tab-bar">
        <label for="tab-related">Related</label>
        <label for="tab-details">Details</label>
      </div>
      <div class="tab-panel panel-related">{props.related}</div>
      <div class="tab-panel panel-details">{props.details}</div>
    </section>
  );
}
