import { browser } from 'wxt/browser';
import type { AccountMatch } from '../../shared/api.ts';
import type { CrmKind } from '../../shared/detect-account.ts';

/** The account a CRM page shows, as the content script reports it. */
export interface PageAccount {
  accountId: string;
  crm: CrmKind;
  url: string;
  /** The page title, e.g. "Acme Corp | Salesforce". */
  title: string;
}

/** Every message the extension's parts exchange; all go to the background, none expect a reply. */
export type Message =
  /** content → background: what the tab shows now (account null: not an account page). */
  | { type: 'crm:page'; url: string; account: PageAccount | null }
  /** content → background: the demo CRM signed a seller in and handed over its backend and token. */
  | { type: 'crm:handoff'; backendUrl: string; token: string; user: string | null }
  /** content → background: the demo CRM says nobody is signed in. */
  | { type: 'crm:signed-out' }
  /** content → background: the seller clicked "Open the brief" (a `?summary=open` link's page). */
  | { type: 'crm:open-panel' }
  /** panel → background: the seller picked one of several accounts matching a selection. */
  | { type: 'panel:choose-account'; tabId: number; account: Pick<AccountMatch, 'id' | 'name'> }
  /** panel → background: go back from a right-click request to what the page shows. */
  | { type: 'panel:clear-request'; tabId: number };

export type MessageType = Message['type'];

const TYPES: readonly MessageType[] = [
  'crm:page',
  'crm:handoff',
  'crm:signed-out',
  'crm:open-panel',
  'panel:choose-account',
  'panel:clear-request',
];

/** Narrows anything runtime.onMessage delivers; other extensions' or stale messages are ignored. */
export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    TYPES.includes((value as { type?: MessageType }).type as MessageType)
  );
}

/** Sends to the background; a sleeping or reloading worker must not break the sender. */
export async function sendMessage(message: Message): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // "Receiving end does not exist" while the service worker restarts: the next report repeats it.
  }
}
