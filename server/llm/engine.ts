import type { SectionId } from '../../shared/sections.ts';
import type { SectionData } from '../sections/types.ts';

/** Model tier a prompt file asks for; a provider maps it to a concrete model (e.g. per Bedrock tier). */
export type ModelTier = 'fast' | 'deep';

export interface SectionWriteInput {
  sectionId: SectionId;
  title: string;
  /** The rendered prompt file body (role line, constraints, <instructions>, <data>, <sources>). */
  prompt: string;
  /** The facts behind the prompt; a grounded writer may compose from these directly. */
  data: SectionData;
  tier: ModelTier;
  maxOutputTokens: number;
  /** Aborted when the request is abandoned; providers should stop work and reject. */
  signal?: AbortSignal;
}

export interface SectionWriteOutput {
  /** Markdown subset: paragraphs, "- " bullets, **bold** and [Sn] citation markers. */
  markdown: string;
  /** The model (or writer) that produced it, stored with the section and its feedback. */
  model: string;
  /** Tokens the provider billed for the call that produced it (absent for the local writer). */
  usage?: TokenUsage;
  /** Calls it took, retries included (absent = 1). */
  attempts?: number;
  /** The model stopped at maxOutputTokens: the text is kept but may end mid-sentence. */
  truncated?: boolean;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/**
 * A text-generation provider. The embedded default is the local grounded writer; a Bedrock
 * Converse provider implements the same interface with one model per tier.
 */
export interface SectionEngine {
  readonly name: string;
  /**
   * Set by model-backed engines: a section whose figures fail the numbers check is written once
   * more with stricter instructions. The local grounded writer copies figures and needs no retry.
   */
  readonly regenerateOnFailedNumbers?: boolean;
  write(input: SectionWriteInput): Promise<SectionWriteOutput>;
}

/**
 * An error whose message is safe to show the user (no stack, no prompt or data). Providers wrap
 * their failures in it; anything else is reported with a generic message.
 */
export class EngineError extends Error {
  readonly retryable: boolean;
  constructor(message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'EngineError';
    this.retryable = options.retryable ?? false;
  }
}
