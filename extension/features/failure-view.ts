import { ApiFailure } from '../lib/api-client.ts';
import type { PanelView } from '../stores/panel-store.ts';

/** The screen a failed load leads to, in words a seller can act on. */
export function viewForFailure(error: unknown): PanelView {
  if (!(error instanceof ApiFailure)) return { state: 'error', message: 'Something went wrong.' };
  switch (error.kind) {
    case 'signed-out':
      return { state: 'signed-out', expired: true };
    case 'not-found':
      return { state: 'not-found' };
    case 'offline':
      return { state: 'offline' };
    case 'rate-limited':
      return { state: 'error', message: 'The server is busy right now. Try again in a moment.' };
    case 'server':
      return { state: 'error', message: 'The server ran into a problem preparing this brief.' };
    case 'bad-response':
      return {
        state: 'error',
        message: 'The server sent a reply this version of the extension cannot read.',
      };
    default:
      return { state: 'error', message: `The server turned the request down: ${error.message}` };
  }
}
