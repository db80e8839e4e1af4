import { defineContentScript } from 'wxt/utils/define-content-script';
import { createPageReporter } from '../features/crm-page.ts';
import { sendMessage } from '../lib/messages.ts';

export default defineContentScript({
  // Loopback hosts are the demo CRM on any port; other CRMs are detected by URL in the background.
  matches: [
    'http://127.0.0.1/*',
    'http://localhost/*',
    'https://*.lightning.force.com/*',
    'https://*.my.salesforce.com/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    const report = createPageReporter(document, sendMessage);
    let timer: number | undefined;
    // Debounced: SPA navigation fires several events per move and Lightning rewrites <head> often.
    const soon = () => {
      clearTimeout(timer);
      timer = ctx.setTimeout(() => void report(), 150);
    };
    void report();
    ctx.addEventListener(window, 'wxt:locationchange', soon);
    ctx.addEventListener(window, 'popstate', soon);
    // The title (and the record header) settle a moment after the URL changes.
    const observer = new MutationObserver(soon);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());
  },
});
