// Id shapes shared by the CRM detectors.

/** Salesforce ids are 15 (case-sensitive) or 18 (case-safe) alphanumerics. */
export const SF_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
/** Account ids start with the key prefix 001. */
export const SF_ACCOUNT_ID = /^001[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The characters the API accepts for an accountId (shared/api.ts), so a match is always usable. */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isLoopback = (u: URL) => u.hostname === '127.0.0.1' || u.hostname === 'localhost';
