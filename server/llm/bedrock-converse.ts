import {
  type BedrockRuntimeClient,
  ConverseCommand,
  type ConverseRequest,
  ConverseStreamCommand,
} from '@aws-sdk/client-bedrock-runtime';
import { toEngineError } from './bedrock-errors.ts';
import { type ModelAnswer, readConverseResponse, readConverseStream } from './bedrock-stream.ts';
import { createLimiter, type Limiter } from './concurrency.ts';
import {
  EngineError,
  type SectionEngine,
  type SectionWriteInput,
  type SectionWriteOutput,
} from './engine.ts';
import type { ModelEngineOptions } from './model-engine-options.ts';
import { splitPrompt } from './prompt-parts.ts';
import { type RetryPolicy, withRetries } from './retry.ts';
import { timedCall } from './timed-call.ts';

export interface BedrockEngineOptions extends ModelEngineOptions {
  /**
   * A bedrock-runtime client. Create it with `maxAttempts: 1`: this engine retries itself (with
   * jittered backoff, outside the concurrency slot); SDK retries would multiply with these.
   */
  client: BedrockRuntimeClient;
}

/** The engine with its limiter exposed for health and tests. */
export type BedrockEngine = SectionEngine & { readonly limiter: Limiter };

/**
 * A SectionEngine on Amazon Bedrock's Converse API, one model per tier. The prompt's preamble goes
 * in the system prompt, its tagged blocks in the user message. Throttling, unavailability, model
 * warm-up, 5xx, dropped streams and timeouts are retried with full-jitter exponential backoff;
 * invalid requests and access errors fail at once. Errors never carry prompt or answer text.
 */
export function createBedrockEngine(options: BedrockEngineOptions): BedrockEngine {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const limiter =
    typeof options.concurrency === 'object' ? options.concurrency : createLimiter(options.concurrency ?? 4);
  const policy: RetryPolicy = {
    maxAttempts: options.maxAttempts ?? 3,
    baseMs: options.backoff?.baseMs ?? 500,
    capMs: options.backoff?.capMs ?? 8_000,
    random: options.backoff?.random,
    sleep: options.backoff?.sleep,
  };

  const callOnce = (request: ConverseRequest, signal: AbortSignal | undefined): Promise<ModelAnswer> =>
    timedCall(
      async (abortSignal) => {
        if (options.stream === false) {
          return readConverseResponse(
            await options.client.send(new ConverseCommand(request), { abortSignal }),
          );
        }
        const response = await options.client.send(new ConverseStreamCommand(request), { abortSignal });
        if (!response.stream) throw new EngineError('Bedrock returned no answer stream', { retryable: true });
        return readConverseStream(response.stream);
      },
      {
        timeoutMs,
        signal,
        mapError: (error, { timedOut, cancelled }) =>
          toEngineError(error, {
            modelId: request.modelId!,
            timedOutAfterMs: timedOut ? timeoutMs : undefined,
            cancelled,
          }),
      },
    );

  return {
    name: 'bedrock',
    regenerateOnFailedNumbers: true,
    limiter,
    async write(input: SectionWriteInput): Promise<SectionWriteOutput> {
      const modelId = options.models[input.tier];
      const { system, user } = splitPrompt(input.prompt);
      const request: ConverseRequest = {
        modelId,
        system: [{ text: system }],
        messages: [{ role: 'user', content: [{ text: user }] }],
        inferenceConfig: { maxTokens: input.maxOutputTokens, temperature: options.temperature ?? 0.2 },
      };
      const { value: answer, attempts } = await withRetries(
        () => limiter.run(() => callOnce(request, input.signal), input.signal),
        policy,
        input.signal,
      );
      if (answer.stopReason === 'guardrail_intervened' || answer.stopReason === 'content_filtered') {
        throw new EngineError(`model ${modelId} declined to answer (${answer.stopReason})`);
      }
      const markdown = answer.text.trim();
      if (!markdown) throw new EngineError(`model ${modelId} returned no text`);
      return {
        markdown,
        model: modelId,
        usage: answer.usage,
        attempts,
        ...(answer.stopReason === 'max_tokens' ? { truncated: true } : {}),
      };
    },
  };
}
