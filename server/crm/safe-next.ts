const BASE = 'http://crm.invalid';

/**
 * Where to go after sign-in: only a path on this site. Anything that a browser could read as
 * another origin (`//evil`, `/\evil`, `https://evil`, tabs or newlines inside `//`) is refused.
 * Returns null when the value is missing or unsafe.
 */
export function safeNext(next: string | null | undefined): string | null {
  if (!next?.startsWith('/') || /^\/[\\/]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname + url.search + url.hash;
  // Checked again after URL normalisation: '/.//evil.example' normalises to '//evil.example'.
  return /^\/[\\/]/.test(path) ? null : path;
}
