import type { Message } from '../lib/messages.ts';

/**
 * `?summary=open` on an account page: the link of a delivered brief (Slack button, notification)
 * asks for the side panel. server/delivery/slack-message.ts builds it (OPEN_PANEL_FLAG).
 */
const PARAM = 'summary';
const VALUE = 'open';

/** Background → content script: offer the panel on this page (a notification click could not open it). */
export const OFFER_PANEL = { type: 'summaries:offer-panel' } as const;

export const isOfferPanel = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === OFFER_PANEL.type;

export function hasOpenPanelFlag(url: string): boolean {
  try {
    return new URL(url).searchParams.get(PARAM) === VALUE;
  } catch {
    return false;
  }
}

export function withoutOpenPanelFlag(url: string): string {
  try {
    const u = new URL(url);
    if (u.searchParams.get(PARAM) !== VALUE) return url;
    u.searchParams.delete(PARAM);
    return u.toString();
  } catch {
    return url;
  }
}

const HOST_ID = 'account-summaries-offer';

const STYLE = `
.offer { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; display: flex; gap: 8px;
  align-items: center; padding: 10px 12px; border-radius: 10px; background: #fff; color: #1b1f24;
  font: 14px/1.3 system-ui, sans-serif; box-shadow: 0 4px 18px rgb(0 0 0 / 0.22); }
button { font: inherit; border-radius: 6px; border: 1px solid #c9ced6; background: #fff; cursor: pointer;
  padding: 6px 10px; color: inherit; }
button.open { background: #0b5cad; border-color: #0b5cad; color: #fff; font-weight: 600; }
button:focus-visible { outline: 2px solid #0b5cad; outline-offset: 2px; }`;

/**
 * Shows "Open the brief" on the page. Chrome opens a side panel only in answer to a user gesture,
 * and a page loaded from a link (a Slack button) carries none; a click here does, and it travels
 * with the message, so the background may open the panel (background-handlers: crm:open-panel).
 */
export function offerPanel(doc: Document, send: (message: Message) => Promise<void>): void {
  if (doc.getElementById(HOST_ID)) return;
  const host = doc.createElement('div');
  host.id = HOST_ID;
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'offer';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', 'Account Summaries');
  const text = doc.createElement('span');
  text.textContent = 'Your brief for this account is ready.';
  const open = doc.createElement('button');
  open.className = 'open';
  open.textContent = 'Open the brief';
  const dismiss = doc.createElement('button');
  dismiss.textContent = '×';
  dismiss.setAttribute('aria-label', 'Dismiss');
  open.addEventListener('click', () => {
    // Sent before anything else, while the click's gesture lasts.
    void send({ type: 'crm:open-panel' });
    host.remove();
  });
  dismiss.addEventListener('click', () => host.remove());
  box.append(text, open, dismiss);
  root.append(style, box);
  doc.body.append(host);
}
