import type { GenerateInput } from '../deps.ts';
import type { GenerateSummaryDeps } from '../sections/generate-summary.ts';
import { type Logger, scopedOr, withLog } from './logger.ts';
import type { Metrics } from './metrics.ts';

export type GenerationHooks = Required<Pick<GenerateSummaryDeps, 'log' | 'onSection'>>;

/**
 * Wraps a summary generator with its logs and metrics: a child logger carrying the summary id (and,
 * started from a request, that request's id) scoped over the whole generation, a start and a finish
 * line with section outcomes and duration, each section's duration by outcome, failed sections
 * counted as errors, and the summaries-in-flight gauge. The generator's failure lines go to the
 * logger at warn; they hold names and first lines of errors, never prompt or generated text.
 */
export function observeGeneration(
  deps: { logger: Logger; metrics: Metrics },
  generate: (input: GenerateInput, hooks: GenerationHooks) => Promise<void>,
): (input: GenerateInput) => Promise<void> {
  const { metrics } = deps;
  return async (input) => {
    const log = scopedOr(deps.logger).child({ summaryId: input.requestId, accountId: input.accountId });
    const outcomes: Record<string, number> = {};
    const started = performance.now();
    metrics.summariesInFlight.inc();
    log.info({ sections: input.sections }, 'summary started');
    try {
      await withLog(log, () =>
        generate(input, {
          log: (line) => log.warn(line),
          onSection: (section, result, ms) => {
            outcomes[result] = (outcomes[result] ?? 0) + 1;
            metrics.sectionDuration.observe({ section, status: result }, ms / 1000);
            if (result === 'failed') metrics.errors.inc({ kind: 'section_failed' });
          },
        }),
      );
    } finally {
      metrics.summariesInFlight.dec();
      log.info({ ms: Math.round(performance.now() - started), sections: outcomes }, 'summary finished');
    }
  };
}
