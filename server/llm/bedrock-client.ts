import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { BedrockRuntimeClient, type BedrockRuntimeClientConfig } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';

/** How the client talks to Bedrock: HTTP/1.1 over kept-alive connections, or HTTP/2 sessions. */
export type BedrockHttpVersion = '1.1' | '2';

// More than LLM_CONCURRENCY allows at once, so the limit that counts stays the engine's.
const MAX_SOCKETS = 64;

/**
 * The Bedrock runtime client for Converse, ConverseStream and InvokeModel (embeddings), reusing
 * its connections. HTTP/1.1 with kept-alive connections is the default: on the benchmark machine
 * a summary's six calls cost ~1.3× the CPU over shared HTTP/2 sessions (Node's HTTP/2 stack does
 * more work a request; `npm run bench -- model-client` measures both and the SDK's default side
 * by side), and a connection stays open for the next call as a session would. The SDK's own
 * default for this client is HTTP/2 with `disableConcurrentStreams`, which opens a session — a
 * connection and, against AWS, a TLS handshake — for every call; '2' here shares sessions instead.
 * Event streams get a session each over HTTP/2 whatever this says. `maxAttempts` as the SDK's (the
 * section engine passes 1: it retries with its own jittered backoff, outside its concurrency slot).
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
    config.httpVersion === '2'
      ? new NodeHttp2Handler({ disableConcurrentStreams: false })
      : new NodeHttpHandler({
          httpAgent: new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
          httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
        });
  return new BedrockRuntimeClient({
    region: config.region,
    endpoint: config.endpoint,
    maxAttempts: config.maxAttempts,
    credentials: config.credentials,
    requestHandler,
  });
}
