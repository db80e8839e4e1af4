import { defineConfig } from 'wxt';

// Entrypoints live in extension/; the server and shared code sit beside it in the same package.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/module-react'],
  imports: false,
  webExt: { disabled: true },
  manifest: {
    name: 'Account Summaries',
    description: 'A cited, checked 360° brief of the account you are looking at, beside your CRM.',
    // tabs: the URL of each tab, to recognise accounts in CRMs without a content script (HubSpot,
    // Dynamics, Twenty) and to forget a tab's account when it navigates away. sidePanel is added by
    // the sidepanel entrypoint.
    permissions: ['storage', 'contextMenus', 'tabs'],
    // The demo CRM and default backend (any port); the content script adds the Salesforce hosts.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    // A production backend elsewhere is granted from Options when the seller saves its URL.
    optional_host_permissions: ['https://*/*'],
    // The toolbar button opens the side panel (background: setPanelBehavior).
    action: { default_title: 'Account Summaries' },
  },
});
