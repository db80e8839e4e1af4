import type { Env } from '../env.ts';
import type { ModelTier, SectionEngine, SectionWriteOutput } from '../llm/engine.ts';
import { LOCAL_GROUNDED_MODEL } from '../llm/local-grounded.ts';
import { attemptObservers } from '../llm/retry.ts';
import type { Metrics } from './metrics.ts';

export type CallOutcome = 'ok' | 'error' | 'cancelled';

/**
 * The same engine, measured: each write's latency by provider, model, tier and outcome, the tokens
 * its provider billed, and every throttled attempt its retries saw (through the retry observer, so
 * the engine itself is untouched). `models` names the model of a tier for failed writes, whose
 * output cannot; successful writes are labelled with the model they report.
 */
export function instrumentEngine(
  engine: SectionEngine,
  metrics: Metrics,
  models: Partial<Record<ModelTier, string>> = {},
): SectionEngine {
  return {
    // Keeps the engine's other properties (name, regenerateOnFailedNumbers, a limiter).
    ...engine,
    async write(input) {
      const configured = models[input.tier] ?? `${engine.name}:${input.tier}`;
      const observer = {
        failedAttempt: (error: unknown) => {
          if (isThrottle(error)) metrics.modelThrottles.inc({ model: configured });
        },
      };
      const started = performance.now();
      const labels = { provider: engine.name, tier: input.tier };
      let output: SectionWriteOutput;
      try {
        output = await attemptObservers.run(observer, () => engine.write(input));
      } catch (error) {
        const outcome = outcomeOf(error);
        metrics.modelCallDuration.observe(
          { ...labels, model: configured, outcome },
          (performance.now() - started) / 1000,
        );
        if (outcome === 'error') metrics.errors.inc({ kind: 'engine' });
        throw error;
      }
      const model = output.model || configured;
      metrics.modelCallDuration.observe(
        { ...labels, model, outcome: 'ok' },
        (performance.now() - started) / 1000,
      );
      if (output.usage) {
        metrics.modelTokens.inc({ model, direction: 'input' }, output.usage.inputTokens);
        metrics.modelTokens.inc({ model, direction: 'output' }, output.usage.outputTokens);
      }
      return output;
    },
  };
}

/** A provider said "slow down": Bedrock's ThrottlingException, or HTTP 429 from any provider. */
export function isThrottle(error: unknown): boolean {
  let e = error as {
    name?: unknown;
    message?: unknown;
    cause?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e.name === 'ThrottlingException' || e.$metadata?.httpStatusCode === 429) return true;
    if (typeof e.message === 'string' && /\bHTTP 429\b/.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

function outcomeOf(error: unknown): CallOutcome {
  if (error instanceof Error && (error.name === 'AbortError' || /cancelled|aborted/i.test(error.message))) {
    return 'cancelled';
  }
  return 'error';
}

/** The model each tier uses under this configuration, for labelling failed writes. */
export function configuredModels(
  env: Pick<
    Env,
    'LLM_PROVIDER' | 'BEDROCK_MODEL_FAST' | 'BEDROCK_MODEL_DEEP' | 'OPENAI_MODEL_FAST' | 'OPENAI_MODEL_DEEP'
  >,
): Partial<Record<ModelTier, string>> {
  switch (env.LLM_PROVIDER) {
    case 'bedrock':
      return { fast: env.BEDROCK_MODEL_FAST, deep: env.BEDROCK_MODEL_DEEP };
    case 'openai':
      return { fast: env.OPENAI_MODEL_FAST, deep: env.OPENAI_MODEL_DEEP ?? env.OPENAI_MODEL_FAST };
    default:
      return { fast: LOCAL_GROUNDED_MODEL, deep: LOCAL_GROUNDED_MODEL };
  }
}
