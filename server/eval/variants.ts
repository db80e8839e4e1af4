import { type Env, parseEnv } from '../env.ts';
import type { SectionEngine } from '../llm/engine.ts';
import { createSectionEngine } from '../llm/providers.ts';

/** One arm of an A/B comparison: a provider with a model per tier, and a prompts folder. */
export interface Variant {
  name: string;
  /** What was asked for, for the report, e.g. "bedrock fast=amazon.nova-lite-v1:0 deep=…". */
  spec: string;
  engine: SectionEngine;
  promptsDir?: string;
}

const PROVIDERS = ['local', 'bedrock', 'openai'] as const;

/**
 * Parses `NAME=PROVIDER[:key=value,…]`, e.g. `nova=bedrock:fast=amazon.nova-lite-v1:0,deep=amazon.nova-pro-v1:0`
 * or `v2=local:prompts=experiments/prompts-v2`. Keys: fast, deep (model ids), prompts (folder).
 * Everything else (endpoint, region, timeouts) comes from the environment, as for the server.
 */
export function parseVariant(arg: string, base: Record<string, string | undefined> = process.env): Variant {
  const m = /^([\w.-]+)=(\w+)(?::(.*))?$/.exec(arg);
  if (!m) throw new Error(`--variant "${arg}": expected NAME=PROVIDER[:fast=…,deep=…,prompts=…]`);
  const [, name, provider, rest] = m as unknown as [string, string, string, string | undefined];
  if (!PROVIDERS.includes(provider as (typeof PROVIDERS)[number]))
    throw new Error(`--variant ${name}: provider must be one of ${PROVIDERS.join(', ')}, not "${provider}"`);
  const options: Record<string, string> = {};
  // Model ids contain ':' and '.', never ','; split on ',' then on the first '='.
  for (const pair of rest ? rest.split(',') : []) {
    const at = pair.indexOf('=');
    const key = pair.slice(0, at).trim();
    if (at < 1 || !['fast', 'deep', 'prompts'].includes(key))
      throw new Error(`--variant ${name}: unknown option "${pair}" (use fast=, deep=, prompts=)`);
    options[key] = pair.slice(at + 1).trim();
  }
  const env: Env = parseEnv({
    ...base,
    LLM_PROVIDER: provider,
    ...(provider === 'bedrock' && options.fast ? { BEDROCK_MODEL_FAST: options.fast } : {}),
    ...(provider === 'bedrock' && options.deep ? { BEDROCK_MODEL_DEEP: options.deep } : {}),
    ...(provider === 'openai' && options.fast ? { OPENAI_MODEL_FAST: options.fast } : {}),
    ...(provider === 'openai' && options.deep ? { OPENAI_MODEL_DEEP: options.deep } : {}),
  });
  const models =
    provider === 'bedrock'
      ? ` fast=${env.BEDROCK_MODEL_FAST} deep=${env.BEDROCK_MODEL_DEEP}`
      : provider === 'openai'
        ? ` fast=${env.OPENAI_MODEL_FAST} deep=${env.OPENAI_MODEL_DEEP ?? env.OPENAI_MODEL_FAST}`
        : '';
  return {
    name,
    spec: `${provider}${models}${options.prompts ? ` prompts=${options.prompts}` : ''}`,
    engine: createSectionEngine(env),
    promptsDir: options.prompts,
  };
}
