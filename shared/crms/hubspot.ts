/** HubSpot's app hosts per data centre: app.hubspot.com, app-eu1.hubspot.com, app-na2.hubspot.com… */
export const HUBSPOT_HOSTS = ['https://*.hubspot.com/*'];

/**
 * A company record: /contacts/{portalId}/company/{id} (classic) or /contacts/{portalId}/record/0-2/{id}
 * (0-2 is the company object type; 0-1 contacts, 0-3 deals, 0-5 tickets).
 */
export function hubspot(u: URL): string | null {
  if (!/^app(-[a-z0-9]+)?\.hubspot\.com$/.test(u.hostname)) return null;
  const m = /^\/contacts\/\d+\/(?:company|record\/0-2)\/(\d+)(?:\/|$)/.exec(u.pathname);
  return m ? m[1]! : null;
}
