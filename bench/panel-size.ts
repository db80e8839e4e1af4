import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  bytes: number;
  gzip: number;
}

/**
 * The JavaScript (and CSS) sidepanel.html loads from the build: its module script and everything
 * it preloads, i.e. what the browser parses to show the panel. Shared chunks count in full.
 */
export function panelAssets(outputDir: string): { js: AssetSize[]; css: AssetSize[] } {
  const html = readFileSync(join(outputDir, 'sidepanel.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!.replace(/^\//, ''));
  const size = (file: string): AssetSize => {
    const path = join(outputDir, file);
    return { file, bytes: statSync(path).size, gzip: gzipSync(readFileSync(path), { level: 9 }).length };
  };
  const unique = [...new Set(refs)];
  return {
    js: unique.filter((f) => f.endsWith('.js')).map(size),
    css: unique.filter((f) => f.endsWith('.css')).map(size),
  };
}

export const total = (assets: AssetSize[]) =>
  assets.reduce((t, a) => ({ bytes: t.bytes + a.bytes, gzip: t.gzip + a.gzip }), { bytes: 0, gzip: 0 });
