// Performance marks the panel leaves for `npm run bench -- panel` (and DevTools' timeline).

/** The panel learned that the seller switched tabs (detail: `{ tabId }`). */
export const TAB_SWITCH_MARK = 'panel:tab-switch';

/** A brief's sections are in the DOM (detail: `{ accountId, requestId, status }`). */
export const BRIEF_RENDERED_MARK = 'panel:brief-rendered';

/**
 * The first frame after BRIEF_RENDERED_MARK has been produced (a task queued from that frame's
 * requestAnimationFrame, which runs once style, layout and paint are done): what the seller sees.
 */
export const BRIEF_PAINTED_MARK = 'panel:brief-painted';
