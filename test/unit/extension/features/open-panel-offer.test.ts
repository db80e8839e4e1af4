import { describe, expect, it, vi } from 'vitest';
import {
  hasOpenPanelFlag,
  isOfferPanel,
  OFFER_PANEL,
  offerPanel,
  withoutOpenPanelFlag,
} from '../../../../extension/features/open-panel-offer.ts';

const PAGE = 'http://127.0.0.1:8787/lightning/r/Account/001A/view';

describe('the ?summary=open flag', () => {
  it('is read from the link Slack and the notifications carry, and removed from it', () => {
    expect(hasOpenPanelFlag(`${PAGE}?summary=open`)).toBe(true);
    expect(hasOpenPanelFlag(`${PAGE}?summary=closed`)).toBe(false);
    expect(hasOpenPanelFlag(PAGE)).toBe(false);
    expect(hasOpenPanelFlag('not a url')).toBe(false);
    expect(withoutOpenPanelFlag(`${PAGE}?summary=open`)).toBe(PAGE);
    expect(withoutOpenPanelFlag(`${PAGE}?tab=1&summary=open`)).toBe(`${PAGE}?tab=1`);
    expect(withoutOpenPanelFlag(PAGE)).toBe(PAGE);
  });

  it('recognises the background’s offer message only', () => {
    expect(isOfferPanel(OFFER_PANEL)).toBe(true);
    expect(isOfferPanel({ type: 'crm:page' })).toBe(false);
    expect(isOfferPanel(null)).toBe(false);
  });
});

describe('offerPanel', () => {
  const offer = () => document.getElementById('account-summaries-offer')?.shadowRoot;
  const button = (name: string) =>
    [...(offer()?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === name || b.getAttribute('aria-label') === name,
    );

  it('asks the background to open the panel when clicked, then goes away', () => {
    const send = vi.fn(async () => undefined);
    offerPanel(document, send);
    offerPanel(document, send); // a repeated offer shows one
    expect(document.querySelectorAll('#account-summaries-offer')).toHaveLength(1);
    expect(offer()?.textContent).toContain('Your brief for this account is ready.');
    button('Open the brief')?.click();
    expect(send).toHaveBeenCalledWith({ type: 'crm:open-panel' });
    expect(offer()).toBeUndefined();
  });

  it('can be dismissed without opening anything', () => {
    const send = vi.fn(async () => undefined);
    offerPanel(document, send);
    button('Dismiss')?.click();
    expect(offer()).toBeUndefined();
    expect(send).not.toHaveBeenCalled();
  });
});
