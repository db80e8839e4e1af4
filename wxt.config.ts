import { defineConfig } from 'wxt';
import { BUILT_IN_CRM_HOSTS } from './shared/detect-account.ts';

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
    // No "tabs": the extension sees the URLs of CRM tabs only, through the host permissions below.
    // scripting: the content script on CRM hosts added in Options; identity: SSO sign-in;
    // alarms: renewing SSO tokens and polling for delivered briefs; notifications: announcing them.
    // sidePanel is added by the sidepanel entrypoint.
    permissions: ['storage', 'contextMenus', 'scripting', 'identity', 'alarms', 'notifications'],
    // The demo CRM and default backend (loopback, any port) and the CRMs the content script knows.
    host_permissions: BUILT_IN_CRM_HOSTS,
    // A production backend, identity provider or other CRM is granted from Options when saved.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The toolbar button opens the side panel (background: setPanelBehavior), and so does its shortcut.
    action: {
      default_title: 'Account Summaries',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' },
        description: 'Open the account summary side panel',
      },
    },
  },
});
