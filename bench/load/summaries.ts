import autocannon from 'autocannon';
import { accountId } from '../../server/data/demo/ids.ts';
import { ownerOf } from '../../server/data/demo/users.ts';
import type { SummaryResponse } from '../../shared/api.ts';
import { rng } from '../stats.ts';

/** One summary followed from POST to its final event, as the side panel does. */
export interface SummaryRun {
  ms: number;
  /** done, partial or failed; or how it ended without a summary (http 500 internal, no final event). */
  outcome: string;
  /** Messages of failed sections. */
  sectionErrors: string[];
}

export interface SummaryLoad {
  connections: number;
  wallMs: number;
  runs: SummaryRun[];
  /** autocannon's own counters: connection errors, timeouts (a request with no answer), non-2xx. */
  errors: number;
  timeouts: number;
  non2xx: number;
}

interface Context {
  started?: number;
  requestId?: string;
  auth?: string;
}

/**
 * `connections` clients, each doing POST /v1/summaries (refresh: true, a random demo account as
 * its owner) then GET /v1/summaries/:id/events until the stream ends with the summary — so exactly
 * `connections` summaries are in flight — `rounds` times. A stream that outlives `timeoutS` counts
 * as an autocannon timeout (a hung request).
 */
export async function summaryLoad(options: {
  url: string;
  tokens: Map<string, string>;
  accounts: number;
  connections: number;
  rounds: number;
  timeoutS: number;
}): Promise<SummaryLoad> {
  const random = rng(options.connections);
  const runs: SummaryRun[] = [];
  const failPost = (status: number, body: string, context: Context) => {
    let code = '';
    try {
      code = (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? '';
    } catch {}
    runs.push({
      ms: performance.now() - context.started!,
      outcome: `http ${status} ${code}`.trim(),
      sectionErrors: [],
    });
  };
  const started = performance.now();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    amount: 2 * options.connections * options.rounds,
    timeout: options.timeoutS,
    requests: [
      {
        method: 'POST',
        path: '/v1/summaries',
        setupRequest: (request, context: Context) => {
          const n = 1 + Math.floor(random() * options.accounts);
          context.started = performance.now();
          context.requestId = undefined;
          context.auth = `Bearer ${options.tokens.get(ownerOf(n))}`;
          return {
            ...request,
            headers: {
              authorization: context.auth,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ accountId: accountId(n), refresh: true }),
          };
        },
        onResponse: (status, body, context: Context) => {
          if (status === 202) context.requestId = (JSON.parse(body) as { requestId: string }).requestId;
          else failPost(status, body, context);
        },
      },
      {
        method: 'GET',
        // Skipped (the pipeline restarts at the POST) when the POST was refused.
        setupRequest: (request, context: Context) =>
          context.requestId
            ? {
                ...request,
                path: `/v1/summaries/${context.requestId}/events`,
                headers: { authorization: context.auth!, accept: 'text/event-stream' },
              }
            : (undefined as unknown as autocannon.Request),
        onResponse: (status, body, context: Context) => {
          const ms = performance.now() - context.started!;
          if (status >= 400) return failPost(status, body, context);
          // autocannon reports a stream it gave up on (timeout) with the status it last saw (202).
          if (status !== 200)
            return void runs.push({ ms, outcome: 'no end within timeout', sectionErrors: [] });
          const final = /event: summary\ndata: (.*)\n/.exec(body)?.[1];
          if (!final)
            return void runs.push({ ms, outcome: 'stream ended without a summary', sectionErrors: [] });
          const summary = JSON.parse(final) as SummaryResponse;
          const sectionErrors = summary.sections
            .filter((s) => s.status === 'failed')
            .map((s) => s.error ?? '?');
          runs.push({ ms, outcome: summary.status, sectionErrors });
        },
      },
    ],
  });
  return {
    connections: options.connections,
    wallMs: performance.now() - started,
    runs,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
