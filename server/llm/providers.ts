import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { Env } from '../env.ts';
import { createBedrockRuntimeClient } from './bedrock-client.ts';
import { createBedrockEngine } from './bedrock-converse.ts';
import type { SectionEngine } from './engine.ts';
import { createLocalGroundedEngine } from './local-grounded.ts';
import { createOpenAiCompatibleEngine } from './openai-compatible.ts';

type EngineEnv = Pick<
  Env,
  | 'LLM_PROVIDER'
  | 'LLM_STREAM'
  | 'LLM_TIMEOUT_MS'
  | 'LLM_MAX_ATTEMPTS'
  | 'LLM_RETRY_BASE_MS'
  | 'LLM_RETRY_CAP_MS'
  | 'LLM_CONCURRENCY'
  | 'BEDROCK_REGION'
  | 'BEDROCK_ENDPOINT'
  | 'BEDROCK_HTTP_VERSION'
  | 'BEDROCK_MODEL_FAST'
  | 'BEDROCK_MODEL_DEEP'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_MODEL_FAST'
  | 'OPENAI_MODEL_DEEP'
  | 'OPENAI_API_KEY'
>;

/**
 * The section writer chosen by LLM_PROVIDER: the offline local grounded writer (default), Bedrock
 * Converse, or an OpenAI-compatible server. Call once per process: the engine's concurrency limit
 * is shared by every request it serves. AWS credentials come from the SDK's default chain; a test
 * may pass its own client.
 */
export function createSectionEngine(
  env: EngineEnv,
  clients: { bedrock?: BedrockRuntimeClient } = {},
): SectionEngine {
  const limits = {
    timeoutMs: env.LLM_TIMEOUT_MS,
    maxAttempts: env.LLM_MAX_ATTEMPTS,
    concurrency: env.LLM_CONCURRENCY,
    stream: env.LLM_STREAM === 'true',
    backoff: { baseMs: env.LLM_RETRY_BASE_MS, capMs: env.LLM_RETRY_CAP_MS },
  };
  switch (env.LLM_PROVIDER) {
    case 'local':
      return createLocalGroundedEngine();
    case 'bedrock':
      return createBedrockEngine({
        ...limits,
        client:
          clients.bedrock ??
          createBedrockRuntimeClient({
            region: env.BEDROCK_REGION,
            endpoint: env.BEDROCK_ENDPOINT,
            httpVersion: env.BEDROCK_HTTP_VERSION,
            maxAttempts: 1,
          }),
        models: { fast: env.BEDROCK_MODEL_FAST, deep: env.BEDROCK_MODEL_DEEP },
      });
    case 'openai': {
      if (!env.OPENAI_BASE_URL || !env.OPENAI_MODEL_FAST) {
        throw new Error('OPENAI_BASE_URL and OPENAI_MODEL_FAST are required when LLM_PROVIDER=openai');
      }
      return createOpenAiCompatibleEngine({
        ...limits,
        baseUrl: env.OPENAI_BASE_URL,
        apiKey: env.OPENAI_API_KEY,
        models: { fast: env.OPENAI_MODEL_FAST, deep: env.OPENAI_MODEL_DEEP ?? env.OPENAI_MODEL_FAST },
      });
    }
  }
}
