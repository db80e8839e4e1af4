/** Random values and the PKCE pair (RFC 7636, S256) for the OpenID Connect sign-in. */

export type RandomBytes = (length: number) => Uint8Array;

export const randomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unguessable URL-safe string (state, nonce): 32 bytes → 43 characters. */
export const randomToken = (random: RandomBytes = randomBytes) => base64Url(random(32));

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** The verifier stays here; only its SHA-256 travels in the browser's address bar. */
export async function createPkce(random: RandomBytes = randomBytes): Promise<Pkce> {
  const verifier = randomToken(random);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}
