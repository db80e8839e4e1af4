import { describe, expect, it, vi } from 'vitest';
import { applyHandoff, type HandoffStore, readHandoff } from '../../../../extension/features/handoff.ts';

function docWith(metas: Record<string, string>): Document {
  const doc = document.implementation.createHTMLDocument('CRM');
  for (const [name, content] of Object.entries(metas)) {
    const meta = doc.createElement('meta');
    meta.name = `account-summaries:${name}`;
    meta.content = content;
    doc.head.append(meta);
  }
  return doc;
}

describe('readHandoff', () => {
  const signedIn = { backend: 'http://127.0.0.1:8787', token: 'a.b.c', user: 'alice@example.com' };

  it('reads backend, token and user from the backend’s own page', () => {
    expect(readHandoff(docWith(signedIn), 'http://127.0.0.1:8787')).toEqual({
      type: 'crm:handoff',
      backendUrl: 'http://127.0.0.1:8787',
      token: 'a.b.c',
      user: 'alice@example.com',
    });
  });

  it('ignores metas that name another origin than the page', () => {
    expect(readHandoff(docWith(signedIn), 'http://127.0.0.1:9999')).toBeNull();
    expect(readHandoff(docWith({ ...signedIn, backend: 'not a url' }), 'http://127.0.0.1:8787')).toBeNull();
  });

  it('reads the signed-out marker and pages without metas', () => {
    expect(readHandoff(docWith({ 'signed-out': 'true' }), 'http://127.0.0.1:8787')).toEqual({
      type: 'crm:signed-out',
    });
    expect(readHandoff(docWith({}), 'http://127.0.0.1:8787')).toBeNull();
  });
});

describe('applyHandoff', () => {
  const store = (configured = 'http://127.0.0.1:8787') => {
    const s: HandoffStore = { backendUrl: vi.fn(async () => configured), signIn: vi.fn(), signOut: vi.fn() };
    return s;
  };
  const handoff = (backendUrl: string) => ({
    type: 'crm:handoff' as const,
    backendUrl,
    token: 't',
    user: 'u',
  });

  it('signs in from a loopback demo CRM on any port', async () => {
    const s = store();
    await applyHandoff(handoff('http://127.0.0.1:41234/'), 'http://127.0.0.1:41234', s);
    expect(s.signIn).toHaveBeenCalledWith({ backendUrl: 'http://127.0.0.1:41234', token: 't', user: 'u' });
  });

  it('refuses handoffs from other hosts or naming another origin', async () => {
    const s = store();
    await applyHandoff(handoff('https://evil.example'), 'https://evil.example', s);
    await applyHandoff(handoff('http://127.0.0.1:9999'), 'http://127.0.0.1:8787', s);
    await applyHandoff(handoff('http://127.0.0.1:8787'), null, s);
    expect(s.signIn).not.toHaveBeenCalled();
  });

  it('accepts the configured production backend', async () => {
    const s = store('https://summaries.acme.com');
    await applyHandoff(handoff('https://summaries.acme.com'), 'https://summaries.acme.com', s);
    expect(s.signIn).toHaveBeenCalledOnce();
  });

  it('signs out only when the configured backend says so', async () => {
    const s = store();
    await applyHandoff({ type: 'crm:signed-out' }, 'http://localhost:3000', s);
    expect(s.signOut).not.toHaveBeenCalled();
    await applyHandoff({ type: 'crm:signed-out' }, 'http://127.0.0.1:8787', s);
    expect(s.signOut).toHaveBeenCalledOnce();
  });
});
