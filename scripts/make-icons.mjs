// Draws the toolbar icons (extension/public/icon/{16,32,48,128}.png) from one SVG, rendered by
// Chromium through playwright-core. Run after changing the drawing: node scripts/make-icons.mjs
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const OUT = resolve('extension/public/icon');
const SIZES = [16, 32, 48, 128];

/**
 * A blue tile holding a page with a side panel: the brief beside the CRM record. Small sizes drop
 * the text lines, which would blur into grey at 16 px.
 */
function svg(size) {
  const detail = size >= 32;
  const lines = detail
    ? `<rect x="70" y="38" width="26" height="7" rx="3.5" fill="#0a66c2"/>
       <rect x="70" y="54" width="26" height="7" rx="3.5" fill="#7fb0e3"/>
       <rect x="70" y="70" width="18" height="7" rx="3.5" fill="#7fb0e3"/>
       <path d="M72 92 l6 6 l12 -14" fill="none" stroke="#1a7f37" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>`
    : `<rect x="70" y="40" width="26" height="12" rx="6" fill="#0a66c2"/>
       <rect x="70" y="62" width="26" height="12" rx="6" fill="#7fb0e3"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#2f86e0"/><stop offset="1" stop-color="#0a4f99"/></linearGradient></defs>
    <rect x="4" y="4" width="120" height="120" rx="${detail ? 26 : 30}" fill="url(#g)"/>
    <rect x="22" y="24" width="84" height="80" rx="10" fill="#ffffff" fill-opacity="0.35"/>
    <rect x="60" y="24" width="46" height="80" rx="10" fill="#ffffff"/>
    ${detail ? '<rect x="30" y="38" width="22" height="6" rx="3" fill="#ffffff"/><rect x="30" y="52" width="22" height="6" rx="3" fill="#ffffff" fill-opacity="0.8"/>' : ''}
    ${lines}
  </svg>`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg(size)}`);
  await page.locator('svg').screenshot({ path: `${OUT}/${size}.png`, omitBackground: true });
  console.log(`${OUT}/${size}.png`);
}
await browser.close();
