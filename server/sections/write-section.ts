import type { SectionEngine, SectionWriteInput, SectionWriteOutput, TokenUsage } from '../llm/engine.ts';
import { checkNumbers } from '../quality/numbers-check.ts';
import { logLine, SectionTimeoutError } from './failures.ts';

export interface WriteSectionOptions {
  engine: SectionEngine;
  input: Omit<SectionWriteInput, 'signal'>;
  /** Limit of the whole write, a regeneration included; rejects with SectionTimeoutError. */
  timeoutMs: number;
  /** Failure lines only: names and counts, never prompt or generated text. */
  log: (line: string) => void;
  /** Names the section in log lines, e.g. "summary <id> section pipeline". */
  label: string;
}

/**
 * Calls the engine for one section. When the engine asks for it (model-backed engines do) and the
 * answer holds figures the facts do not, the section is written once more with a correction that
 * lists those figures, and the second version is shipped: its figures are checked again when it is
 * saved, so any that are still unsupported stay flagged (and marked in the panel). Should the
 * second call fail or run out of time, the first version is shipped instead, flagged the same way.
 */
export async function writeSection(options: WriteSectionOptions): Promise<SectionWriteOutput> {
  const { engine, input } = options;
  const deadline = performance.now() + options.timeoutMs;
  const first = await withTimeout(options.timeoutMs, (signal) => engine.write({ ...input, signal }));
  if (!engine.regenerateOnFailedNumbers) return labelled(first, false);
  const numbers = checkNumbers(first.markdown, input.data);
  if (numbers.passed) return labelled(first, false);
  try {
    const left = Math.max(1, Math.floor(deadline - performance.now()));
    const prompt = `${input.prompt.trimEnd()}\n\n${correction(numbers.unsupported)}`;
    const second = await withTimeout(left, (signal) => engine.write({ ...input, prompt, signal }));
    return labelled(
      {
        ...second,
        usage: sumUsage(first.usage, second.usage),
        attempts: (first.attempts ?? 1) + (second.attempts ?? 1),
      },
      true,
    );
  } catch (error) {
    options.log(`${options.label} regeneration failed, keeping the first version: ${logLine(error)}`);
    return labelled(first, false);
  }
}

/** The stricter instruction appended to the prompt for the second attempt. */
export function correction(unsupported: readonly string[]): string {
  const listed = unsupported
    .slice(0, 20)
    .map((f) => `"${f}"`)
    .join(', ');
  return [
    '<correction>',
    `Your previous answer contained figures that are not in <data>: ${listed}.`,
    'Write the section again. Remove each of these figures, or replace it with a figure copied exactly,',
    'character for character, from <data>. Do not calculate, round, convert or estimate any figure.',
    'Every other instruction above still applies.',
    '</correction>',
  ].join('\n');
}

/** The model name stored with the section: notes a regeneration and an answer cut at max tokens. */
function labelled(output: SectionWriteOutput, regenerated: boolean): SectionWriteOutput {
  const notes = [regenerated && 'regenerated', output.truncated && 'cut at max tokens'].filter(Boolean);
  return notes.length ? { ...output, model: `${output.model} (${notes.join(', ')})` } : output;
}

function sumUsage(a?: TokenUsage, b?: TokenUsage): TokenUsage | undefined {
  if (!a || !b) return a ?? b;
  return { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens };
}

/** Runs fn with an abort signal that fires after ms; rejects with SectionTimeoutError then. */
async function withTimeout<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new SectionTimeoutError(ms));
    }, ms);
  });
  try {
    return await Promise.race([fn(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
