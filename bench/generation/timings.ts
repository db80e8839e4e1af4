import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { SectionEngine } from '../../server/llm/engine.ts';
import { splitPrompt } from '../../server/llm/prompt-parts.ts';

/** One section's engine.write: wall time (concurrency-limit wait included) and time in model calls. */
export interface SectionTiming {
  sectionId: string;
  tier: string;
  /** Tokens the model wrote (its answer length, as billed). */
  outputTokens: number;
  writeMs: number;
  /** From sending each model request to the end of its answer stream, summed over calls. */
  modelMs: number;
  /** The model calls it made (command and input, as sent), for the I/O floor to replay. */
  sent: ModelCall[];
  /** performance.now() when the first model call was sent and when the last one ended. */
  firstCallAt: number;
  lastEndAt: number;
}

/**
 * Records section timings of the engine and model calls of its client, summary by summary. A call
 * is matched to its section by the user message the engine sends (the prompt's tagged blocks), not
 * by AsyncLocalStorage, whose promise hooks would add CPU to every await of the server.
 */
export function createTimings() {
  const byPrompt = new Map<string, SectionTiming>();
  let recorded: SectionTiming[] = [];
  return {
    /** The engine with each write timed; the model calls made inside it are attributed to it. */
    engine(inner: SectionEngine): SectionEngine {
      return {
        name: inner.name,
        regenerateOnFailedNumbers: inner.regenerateOnFailedNumbers,
        async write(input) {
          const timing: SectionTiming = {
            sectionId: input.sectionId,
            tier: input.tier,
            outputTokens: 0,
            writeMs: 0,
            modelMs: 0,
            sent: [],
            firstCallAt: 0,
            lastEndAt: 0,
          };
          recorded.push(timing);
          const key = splitPrompt(input.prompt).user;
          byPrompt.set(key, timing);
          const started = performance.now();
          try {
            const output = await inner.write(input);
            timing.outputTokens = output.usage?.outputTokens ?? 0;
            return output;
          } finally {
            timing.writeMs = performance.now() - started;
            byPrompt.delete(key);
          }
        },
      };
    },
    /** Times every command the client sends, up to the end of a streamed answer. */
    watch(client: BedrockRuntimeClient): void {
      client.middlewareStack.add(
        (next, context) => async (args) => {
          const input = args.input as { messages?: { content?: { text?: string }[] }[] };
          const timing = byPrompt.get(input.messages?.[0]?.content?.[0]?.text ?? '');
          timing?.sent.push({ commandName: context.commandName ?? '', input: args.input });
          const started = performance.now();
          if (timing && !timing.firstCallAt) timing.firstCallAt = started;
          const stop = () => {
            if (!timing) return;
            timing.lastEndAt = performance.now();
            timing.modelMs += timing.lastEndAt - started;
          };
          let streaming = false;
          try {
            const result = await next(args);
            const output = result.output as { stream?: AsyncIterable<unknown> };
            if (output.stream) {
              streaming = true;
              output.stream = timedStream(output.stream, stop);
            }
            return result;
          } finally {
            if (!streaming) stop();
          }
        },
        { step: 'initialize', name: 'benchModelTime' },
      );
    },
    /** The timings recorded since the last call. */
    take(): SectionTiming[] {
      const taken = recorded;
      recorded = [];
      return taken;
    },
  };
}

/** A model call as the section engine sent it. */
export interface ModelCall {
  commandName: string;
  input: unknown;
}

async function* timedStream<T>(stream: AsyncIterable<T>, stop: () => void): AsyncIterable<T> {
  try {
    yield* stream;
  } finally {
    stop();
  }
}
