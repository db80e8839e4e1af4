/** Lightning-shaped URLs, so the extension's Salesforce URL detection works on the demo CRM too. */
export function recordPath(object: string, id: string): string {
  return `/lightning/r/${object}/${encodeURIComponent(id)}/view`;
}

export function listPath(object: string, query?: string): string {
  const base = `/lightning/o/${object}/list`;
  return query ? `${base}?q=${encodeURIComponent(query)}` : base;
}
