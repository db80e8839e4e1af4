import { EngineError } from '../llm/engine.ts';
import { AccountNotVisibleError } from './section-data.ts';
import { TemplateError } from './template.ts';

/** Where a section failed; decides the message the user sees. */
export type FailurePhase = 'prompts' | 'data' | 'prompt' | 'engine' | 'timeout' | 'save';

/** The writer did not finish within the section's time limit. */
export class SectionTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(
      `The writer did not finish within ${ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`}.`,
    );
    this.name = 'SectionTimeoutError';
  }
}

/**
 * A short message for the panel: specific where the error is ours and safe to show, generic where
 * it could carry internals (SQL, driver or SDK details). Never a stack trace.
 */
export function userMessage(phase: FailurePhase, error: unknown): string {
  if (error instanceof SectionTimeoutError) return error.message;
  if (error instanceof AccountNotVisibleError) return error.message;
  if (error instanceof EngineError) return `The writer failed: ${firstLine(error.message)}`;
  if (error instanceof TemplateError)
    return `The section's prompt could not be built: ${firstLine(error.message)}`;
  switch (phase) {
    case 'prompts': {
      // Our own validation messages name the file and the problem; I/O errors would show server paths.
      const message = error instanceof Error ? firstLine(error.message) : '';
      return message.startsWith('prompts/')
        ? `The prompt file is invalid: ${message}`
        : 'The prompt files could not be loaded.';
    }
    case 'data':
      return 'The account data for this section could not be read.';
    case 'engine':
    case 'timeout':
      return 'The writer failed unexpectedly.';
    default:
      return 'The section could not be completed.';
  }
}

/** What goes to the server log: names and first lines only, never prompt or generated text. */
export function logLine(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : firstLine(String(error));
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}
