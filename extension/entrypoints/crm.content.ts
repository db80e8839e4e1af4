import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { BUILT_IN_CRM_HOSTS } from '../../shared/detect-account.ts';
import { createPageReporter, debounce, followPage } from '../features/crm-page.ts';
import { hasOpenPanelFlag, isOfferPanel, offerPanel } from '../features/open-panel-offer.ts';
import { sendMessage } from '../lib/messages.ts';

export default defineContentScript({
  // Known CRM hosts only; hosts an admin adds in Options get this same script registered at runtime
  // (features/custom-hosts.ts).
  matches: BUILT_IN_CRM_HOSTS,
  runAt: 'document_idle',
  main(ctx) {
    const report = createPageReporter(document, sendMessage);
    void report();
    // A delivered brief's link (Slack button, notification) asks for the panel: offer it.
    if (hasOpenPanelFlag(location.href)) offerPanel(document, sendMessage);
    browser.runtime.onMessage.addListener((message) => {
      if (isOfferPanel(message) && ctx.isValid) offerPanel(document, sendMessage);
    });
    const soon = debounce(() => {
      if (ctx.isValid) void report();
    }, 100);
    followPage(window, soon, {
      signal: ctx.signal,
      poll: (listener) => ctx.addEventListener(window, 'wxt:locationchange', listener),
    });
  },
});
