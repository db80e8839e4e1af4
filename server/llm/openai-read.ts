import type { ModelAnswer } from './bedrock-stream.ts';
import { EngineError } from './engine.ts';

// Readers of OpenAI-style chat completion answers (Ollama, vLLM and others speak the same format).

interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
}

/** A one-shot answer: `choices[0].message.content`, `finish_reason` and `usage`. */
export async function readChatCompletion(response: Response): Promise<ModelAnswer> {
  const body = (await response.json().catch(() => null)) as {
    choices?: { message?: { content?: string | null }; finish_reason?: string | null }[];
    usage?: Usage;
  } | null;
  const choice = body?.choices?.[0];
  if (!choice) throw new EngineError('the model server sent an answer without choices', { retryable: true });
  return {
    text: choice.message?.content ?? '',
    stopReason: choice.finish_reason ?? 'stop',
    usage: usageOf(body?.usage),
  };
}

/**
 * A streamed answer (server-sent events): the `delta.content` of every chunk in order, the last
 * `finish_reason`, and `usage` from the closing chunk when the server sends one. A stream that ends
 * without a finish reason or `[DONE]` was cut off and rejects (retryable).
 */
export async function readChatCompletionStream(response: Response): Promise<ModelAnswer> {
  if (!response.body) throw new EngineError('the model server sent no answer stream', { retryable: true });
  const decoder = new TextDecoder();
  let buffered = '';
  let text = '';
  let stopReason: string | undefined;
  let usage: ModelAnswer['usage'];
  let done = false;
  const take = (line: string) => {
    if (!line.startsWith('data:')) return;
    const data = line.slice(5).trim();
    if (data === '[DONE]') {
      done = true;
      return;
    }
    let chunk: {
      choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
      usage?: Usage | null;
    };
    try {
      chunk = JSON.parse(data);
    } catch (error) {
      throw new EngineError('the model server sent a malformed stream event', {
        retryable: true,
        cause: error,
      });
    }
    const choice = chunk.choices?.[0];
    text += choice?.delta?.content ?? '';
    if (choice?.finish_reason) stopReason = choice.finish_reason;
    if (chunk.usage) usage = usageOf(chunk.usage);
  };
  for await (const bytes of response.body) {
    buffered += decoder.decode(bytes, { stream: true });
    const lines = buffered.split(/\r?\n/);
    buffered = lines.pop() ?? '';
    for (const line of lines) take(line);
  }
  take(buffered);
  if (!stopReason && !done) {
    throw new EngineError('the answer stream ended before the model finished', { retryable: true });
  }
  return { text, stopReason: stopReason ?? 'stop', usage };
}

function usageOf(usage: Usage | undefined): ModelAnswer['usage'] {
  return usage
    ? { inputTokens: usage.prompt_tokens ?? 0, outputTokens: usage.completion_tokens ?? 0 }
    : undefined;
}
