import type { ConverseResponse, ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import { EngineError, type TokenUsage } from './engine.ts';

/** The parts of a model's answer the engine uses. */
export interface ModelAnswer {
  text: string;
  /** end_turn, max_tokens, stop_sequence, guardrail_intervened, content_filtered… */
  stopReason?: string;
  usage?: TokenUsage;
}

/**
 * Assembles a ConverseStream answer: the text of every contentBlockDelta in order, the stop reason
 * of messageStop and the usage of the closing metadata event. An exception event (the SDK usually
 * throws it from the iterator; a yielded one is thrown here) and a stream cut off before messageStop
 * both reject, so half an answer is never taken for a whole one.
 */
export async function readConverseStream(stream: AsyncIterable<ConverseStreamOutput>): Promise<ModelAnswer> {
  let text = '';
  let stopReason: string | undefined;
  let usage: TokenUsage | undefined;
  for await (const event of stream) {
    if (event.contentBlockDelta) text += event.contentBlockDelta.delta?.text ?? '';
    else if (event.messageStop) stopReason = event.messageStop.stopReason ?? 'end_turn';
    else if (event.metadata) usage = usageOf(event.metadata.usage);
    else {
      const fault =
        event.throttlingException ??
        event.serviceUnavailableException ??
        event.modelStreamErrorException ??
        event.internalServerException ??
        event.validationException;
      if (fault) throw fault;
    }
  }
  if (!stopReason) {
    throw new EngineError('the answer stream ended before the model finished', { retryable: true });
  }
  return { text, stopReason, usage };
}

/** The text blocks of a Converse answer, joined. */
export function readConverseResponse(response: ConverseResponse): ModelAnswer {
  const blocks = response.output?.message?.content ?? [];
  return {
    text: blocks.map((b) => b.text ?? '').join(''),
    stopReason: response.stopReason,
    usage: usageOf(response.usage),
  };
}

function usageOf(usage: { inputTokens?: number; outputTokens?: number } | undefined): TokenUsage | undefined {
  return usage ? { inputTokens: usage.inputTokens ?? 0, outputTokens: usage.outputTokens ?? 0 } : undefined;
}
