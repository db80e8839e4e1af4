import { describe, expect, it } from 'vitest';
import { EngineError, type SectionEngine, type SectionWriteInput } from '../../../../server/llm/engine.ts';
import { withRetries } from '../../../../server/llm/retry.ts';
import { instrumentEngine, isThrottle } from '../../../../server/observability/instrument-engine.ts';
import { createMetrics } from '../../../../server/observability/metrics.ts';

const input = (tier: 'fast' | 'deep' = 'fast'): SectionWriteInput =>
  ({
    sectionId: 'pipeline',
    title: 'Pipeline',
    prompt: 'p',
    data: {},
    tier,
    maxOutputTokens: 100,
  }) as SectionWriteInput;

async function values(metrics: ReturnType<typeof createMetrics>, name: string) {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  // Histogram values name their series (_bucket, _sum, _count); the typings leave that out.
  return metric.values.map((v) => ({
    name: (v as { metricName?: string }).metricName ?? name,
    labels: v.labels,
    value: v.value,
  }));
}

describe('isThrottle', () => {
  it('recognises throttling by exception name, HTTP 429 status or message, through causes', () => {
    expect(isThrottle({ name: 'ThrottlingException' })).toBe(true);
    expect(isThrottle(new EngineError('x', { cause: { name: 'ThrottlingException' } }))).toBe(true);
    expect(isThrottle(new EngineError('x', { cause: { $metadata: { httpStatusCode: 429 } } }))).toBe(true);
    expect(isThrottle(new EngineError('the model server answered HTTP 429 for m'))).toBe(true);
    expect(isThrottle(new EngineError('x', { cause: { name: 'ValidationException' } }))).toBe(false);
    expect(isThrottle(new Error('HTTP 4290'))).toBe(false);
    expect(isThrottle(null)).toBe(false);
  });
});

describe('instrumentEngine', () => {
  it('keeps the engine as it is and records latency and tokens of a write', async () => {
    const metrics = createMetrics();
    const limiter = { max: 1 };
    const engine = Object.assign(
      {
        name: 'fake',
        regenerateOnFailedNumbers: true,
        write: async () => ({ markdown: 'text', model: 'm-1', usage: { inputTokens: 10, outputTokens: 3 } }),
      } satisfies SectionEngine,
      { limiter },
    );
    const measured = instrumentEngine(engine, metrics, { fast: 'configured' });
    expect(measured).toMatchObject({ name: 'fake', regenerateOnFailedNumbers: true, limiter });
    expect(await measured.write(input())).toEqual(await engine.write());
    const counts = (await values(metrics, 'model_call_duration_seconds')).filter((v) =>
      v.name.endsWith('_count'),
    );
    expect(counts).toEqual([
      {
        name: 'model_call_duration_seconds_count',
        labels: { provider: 'fake', model: 'm-1', tier: 'fast', outcome: 'ok' },
        value: 1,
      },
    ]);
    expect(await values(metrics, 'model_tokens_total')).toEqual([
      { name: 'model_tokens_total', labels: { model: 'm-1', direction: 'input' }, value: 10 },
      { name: 'model_tokens_total', labels: { model: 'm-1', direction: 'output' }, value: 3 },
    ]);
  });

  it('counts throttled attempts seen by withRetries, and a failed write as an engine error', async () => {
    const metrics = createMetrics();
    let calls = 0;
    const engine: SectionEngine = {
      name: 'flaky',
      write: async () => {
        const { value } = await withRetries(
          async () => {
            calls++;
            throw new EngineError('throttled', { retryable: true, cause: { name: 'ThrottlingException' } });
          },
          { maxAttempts: 3, baseMs: 0, capMs: 0, sleep: async () => {} },
        );
        return value;
      },
    };
    const measured = instrumentEngine(engine, metrics, { deep: 'deep-model' });
    await expect(measured.write(input('deep'))).rejects.toThrow(/gave up after 3 attempts/);
    expect(calls).toBe(3);
    expect(await values(metrics, 'model_throttles_total')).toEqual([
      { name: 'model_throttles_total', labels: { model: 'deep-model' }, value: 3 },
    ]);
    expect(await values(metrics, 'errors_total')).toEqual([
      { name: 'errors_total', labels: { kind: 'engine' }, value: 1 },
    ]);
    const failed = (await values(metrics, 'model_call_duration_seconds')).find((v) =>
      v.name.endsWith('_count'),
    );
    expect(failed?.labels).toEqual({
      provider: 'flaky',
      model: 'deep-model',
      tier: 'deep',
      outcome: 'error',
    });
  });

  it('labels a cancelled write as cancelled, not as an error', async () => {
    const metrics = createMetrics();
    const engine: SectionEngine = {
      name: 'slow',
      write: async () => {
        throw new EngineError('the request was cancelled');
      },
    };
    await expect(instrumentEngine(engine, metrics).write(input())).rejects.toThrow(/cancelled/);
    expect(await values(metrics, 'errors_total')).toEqual([]);
    const count = (await values(metrics, 'model_call_duration_seconds')).find((v) =>
      v.name.endsWith('_count'),
    );
    expect(count?.labels).toEqual({
      provider: 'slow',
      model: 'slow:fast',
      tier: 'fast',
      outcome: 'cancelled',
    });
  });
});
