import { BedrockRuntimeClient, type BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttp2Handler } from '@smithy/node-http-handler';

/**
 * The Bedrock runtime client for unary calls (Converse, InvokeModel for embeddings), sharing HTTP/2
 * sessions. The SDK's default handler for this client sets disableConcurrentStreams, so every call
 * opens a session of its own — a new connection and TLS handshake per section written; pooled
 * sessions multiplex the calls instead. Event streams (ConverseStream) still get a session each:
 * the handler isolates them whatever this setting says. `maxAttempts` as the SDK's (the section
 * engine passes 1: it retries with its own jittered backoff, outside its concurrency slot).
 */
export function createBedrockRuntimeClient(config: {
  region: string;
  endpoint?: string;
  maxAttempts?: number;
  /** Default: the SDK's credential chain. */
  credentials?: BedrockRuntimeClientConfig['credentials'];
}): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    region: config.region,
    endpoint: config.endpoint,
    maxAttempts: config.maxAttempts,
    credentials: config.credentials,
    requestHandler: new NodeHttp2Handler({ disableConcurrentStreams: false }),
  });
}
