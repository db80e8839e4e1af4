import { describe, expect, it } from 'vitest';
import { FALLBACK_SYSTEM_PROMPT, splitPrompt } from '../../../../server/llm/prompt-parts.ts';

describe('splitPrompt', () => {
  it('puts the role and constraints in the system prompt and the tagged blocks in the user message', () => {
    const prompt =
      'You are an analyst.\n\nCopy figures exactly.\n\n<instructions>\n1. Go.\n</instructions>\n<data>\n<account>\nx\n</account>\n</data>\n';
    expect(splitPrompt(prompt)).toEqual({
      system: 'You are an analyst.\n\nCopy figures exactly.',
      user: '<instructions>\n1. Go.\n</instructions>\n<data>\n<account>\nx\n</account>\n</data>',
    });
  });

  it('sends a prompt without a preamble whole as the user message, under a generic system prompt', () => {
    expect(splitPrompt('<data>\nx\n</data>')).toEqual({
      system: FALLBACK_SYSTEM_PROMPT,
      user: '<data>\nx\n</data>',
    });
    expect(splitPrompt('Just write it.')).toEqual({ system: FALLBACK_SYSTEM_PROMPT, user: 'Just write it.' });
  });

  it('does not split at a tag inside a sentence', () => {
    expect(splitPrompt('Use only <data>.\n<data>\nx\n</data>')).toEqual({
      system: 'Use only <data>.',
      user: '<data>\nx\n</data>',
    });
  });
});
