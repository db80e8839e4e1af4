import type { ModelAnswer } from './bedrock-stream.ts';
import { createLimiter, type Limiter } from './concurrency.ts';
import { EngineError, type SectionEngine, type SectionWriteOutput } from './engine.ts';
import type { ModelEngineOptions } from './model-engine-options.ts';
import { readChatCompletion, readChatCompletionStream } from './openai-read.ts';
import { splitPrompt } from './prompt-parts.ts';
import { type RetryPolicy, withRetries } from './retry.ts';
import { timedCall } from './timed-call.ts';

/** Streamed completions are server-sent events; unstreamed, one JSON answer. */
export interface OpenAiEngineOptions extends ModelEngineOptions {
  /** Base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1 (Ollama), http://host:8000/v1 (vLLM). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when set. */
  apiKey?: string;
  fetch?: typeof fetch;
}

/**
 * A SectionEngine on an OpenAI-compatible chat completions endpoint (Ollama, vLLM, LM Studio…),
 * with the same time limit, jittered retries (429, 408, 5xx, timeouts, connection failures) and
 * process-wide concurrency limit as the Bedrock engine. Errors never carry prompt or answer text.
 */
export function createOpenAiCompatibleEngine(
  options: OpenAiEngineOptions,
): SectionEngine & { limiter: Limiter } {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const stream = options.stream ?? true;
  const doFetch = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const limiter =
    typeof options.concurrency === 'object' ? options.concurrency : createLimiter(options.concurrency ?? 4);
  const policy: RetryPolicy = {
    maxAttempts: options.maxAttempts ?? 3,
    baseMs: options.backoff?.baseMs ?? 500,
    capMs: options.backoff?.capMs ?? 8_000,
    random: options.backoff?.random,
    sleep: options.backoff?.sleep,
  };

  const callOnce = (model: string, body: string, signal?: AbortSignal): Promise<ModelAnswer> =>
    timedCall(
      async (abortSignal) => {
        const response = await doFetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body,
          signal: abortSignal,
        });
        if (!response.ok) {
          await response.body?.cancel().catch(() => undefined);
          const s = response.status;
          throw new EngineError(`the model server answered HTTP ${s} for ${model}`, {
            retryable: s === 408 || s === 429 || s >= 500,
          });
        }
        return stream ? readChatCompletionStream(response) : readChatCompletion(response);
      },
      {
        timeoutMs,
        signal,
        mapError: (error, { timedOut, cancelled }) => {
          if (cancelled) return new EngineError('the request was cancelled', { cause: error });
          if (timedOut) {
            return new EngineError(`model ${model} did not answer within ${timeoutMs} ms`, {
              retryable: true,
              cause: error,
            });
          }
          if (error instanceof EngineError) return error;
          const code = (error as { cause?: { code?: string } })?.cause?.code ?? (error as Error)?.name;
          return new EngineError(`could not reach the model server (${code})`, {
            retryable: true,
            cause: error,
          });
        },
      },
    );

  return {
    name: 'openai-compatible',
    regenerateOnFailedNumbers: true,
    limiter,
    async write(input): Promise<SectionWriteOutput> {
      const model = options.models[input.tier];
      const { system, user } = splitPrompt(input.prompt);
      const body = JSON.stringify({
        model,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
        max_tokens: input.maxOutputTokens,
        temperature: options.temperature ?? 0.2,
        stream,
        ...(stream ? { stream_options: { include_usage: true } } : {}),
      });
      const { value: answer, attempts } = await withRetries(
        () => limiter.run(() => callOnce(model, body, input.signal), input.signal),
        policy,
        input.signal,
      );
      if (answer.stopReason === 'content_filter') {
        throw new EngineError(`model ${model} declined to answer (content_filter)`);
      }
      const markdown = answer.text.trim();
      if (!markdown) throw new EngineError(`model ${model} returned no text`);
      return {
        markdown,
        model,
        usage: answer.usage,
        attempts,
        ...(answer.stopReason === 'length' ? { truncated: true } : {}),
      };
    },
  };
}
