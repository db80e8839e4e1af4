import { detectAccount } from '../../shared/detect-account.ts';
import type { Message } from '../lib/messages.ts';
import { accountPatternsItem } from '../lib/settings.ts';
import { readHandoff } from './handoff.ts';

type PageMessage = Extract<Message, { type: 'crm:page' }>;

/** The record the page header declares (the demo CRM marks it; Lightning pages may not). */
export function recordHint(doc: Document): { object: string; recordId: string } | null {
  const el = doc.querySelector<HTMLElement>('[data-object][data-record-id]');
  const object = el?.dataset.object;
  const recordId = el?.dataset.recordId;
  return object && recordId ? { object, recordId } : null;
}

/** What this page shows, as the message the background expects. */
export async function describePage(doc: Document, url: string): Promise<PageMessage> {
  const patterns = await accountPatternsItem.getValue();
  const detected = detectAccount(url, { patterns, record: recordHint(doc) });
  return { type: 'crm:page', url, account: detected && { ...detected, url, title: doc.title } };
}

/** Reports the page (and any sign-in handoff) to the background, skipping unchanged repeats. */
export function createPageReporter(doc: Document, send: (message: Message) => Promise<void>) {
  let last = '';
  let handedOff = '';
  return async function report(): Promise<void> {
    const handoff = readHandoff(doc, location.origin);
    const handoffKey = JSON.stringify(handoff);
    if (handoff && handoffKey !== handedOff) {
      handedOff = handoffKey;
      await send(handoff);
    }
    const message = await describePage(doc, location.href);
    const key = JSON.stringify(message);
    if (key === last) return;
    last = key;
    await send(message);
  };
}
