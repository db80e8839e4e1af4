import type { Message } from '../lib/messages.ts';

type HandoffMessage = Extract<Message, { type: 'crm:handoff' | 'crm:signed-out' }>;

const meta = (doc: Document, name: string) =>
  doc.querySelector<HTMLMetaElement>(`meta[name="account-summaries:${name}"]`)?.content.trim() || null;

/**
 * Reads the demo CRM's sign-in handoff from the page head. A backend meta is only believed when the
 * page itself is served from that backend, so another page cannot point the extension elsewhere.
 */
export function readHandoff(doc: Document, pageOrigin: string): HandoffMessage | null {
  if (meta(doc, 'signed-out') === 'true') return { type: 'crm:signed-out' };
  const backendUrl = meta(doc, 'backend');
  const token = meta(doc, 'token');
  if (!backendUrl || !token || originOf(backendUrl) !== pageOrigin) return null;
  return { type: 'crm:handoff', backendUrl, token, user: meta(doc, 'user') };
}

export interface HandoffStore {
  backendUrl(): Promise<string>;
  signIn(session: { backendUrl: string; token: string; user: string | null }): Promise<void>;
  /** Clears token, user and the brief cache. */
  signOut(): Promise<void>;
}

/**
 * The background's half: the sender must be the backend's own page (checked again here, since the
 * content script runs in pages it does not control), and on a loopback host or the backend already
 * configured — a demo CRM is served locally, and production backends are set in Options.
 */
export async function applyHandoff(
  message: HandoffMessage,
  senderOrigin: string | null,
  store: HandoffStore,
) {
  if (!senderOrigin) return;
  const configured = originOf(await store.backendUrl());
  const trusted = isLoopback(senderOrigin) || senderOrigin === configured;
  if (!trusted) return;
  if (message.type === 'crm:signed-out') {
    // Only the backend's own sign-out page may sign the seller out.
    if (senderOrigin === configured) await store.signOut();
    return;
  }
  if (originOf(message.backendUrl) !== senderOrigin) return;
  await store.signIn({ backendUrl: senderOrigin, token: message.token, user: message.user });
}

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

const isLoopback = (origin: string) => /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin);
