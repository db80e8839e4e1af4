import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { BedrockRuntimeClient, type BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';

/** How the client talks to Bedrock: shared HTTP/2 sessions, or kept-alive HTTP/1.1 connections. */
export type BedrockHttpVersion = '1.1' | '2';

// More than LLM_CONCURRENCY allows at once, so the limit that counts stays the engine's.
const MAX_SOCKETS = 64;

/**
 * The Bedrock runtime client for Converse, ConverseStream and InvokeModel (embeddings), reusing
 * its connections. The SDK's own default for this client is HTTP/2 with `disableConcurrentStreams`,
 * which opens a session — a connection and, against AWS, a TLS handshake — for every call; here
 * calls share sessions ('2', the default) or kept-alive HTTP/1.1 connections ('1.1', one per call
 * in flight, for networks whose proxies do not pass HTTP/2). Both cost the same CPU a call and
 * about two thirds of the SDK default's (`npm run bench -- model-client`). Event streams get a
 * session each over HTTP/2 whatever this says. `maxAttempts` as the SDK's (the section engine
 * passes 1: it retries with its own jittered backoff, outside its concurrency slot).
 */
export function createBedrockRuntimeClient(config: {
  region: string;
  endpoint?: string;
  maxAttempts?: number;
  httpVersion?: BedrockHttpVersion;
  /** Default: the SDK's credential chain. */
  credentials?: BedrockRuntimeClientConfig['credentials'];
}): BedrockRuntimeClient {
  const requestHandler =
    config.httpVersion === '1.1'
      ? new NodeHttpHandler({
          httpAgent: new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
          httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
        })
      : new NodeHttp2Handler({ disableConcurrentStreams: false });
  return new BedrockRuntimeClient({
    region: config.region,
    endpoint: config.endpoint,
    maxAttempts: config.maxAttempts,
    credentials: config.credentials,
    requestHandler,
  });
}
