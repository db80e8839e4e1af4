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
    permissions: ['storage', 'contextMenus', 'tabs'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
  },
});
