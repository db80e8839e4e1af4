// Performance marks the panel leaves for `npm run bench -- panel` (and DevTools' timeline).

/** The panel learned that the seller switched tabs (detail: `{ tabId }`). */
export const TAB_SWITCH_MARK = 'panel:tab-switch';

/** A brief's sections are in the DOM (detail: `{ accountId, requestId, status }`). */
export const BRIEF_RENDERED_MARK = 'panel:brief-rendered';
