import type { ServerResponse } from 'node:http';
import { awsError, type Reply, startBedrockServer } from '../../test/support/bedrock-server.ts';
import { serveParent } from '../generation/child-process.ts';
import { type ModelLatency, pacedModelRoutes } from '../generation/paced-model.ts';
import { rng } from '../stats.ts';

/** What the paced Bedrock child does to model calls now; set by `POST /bench/faults`. */
export interface ModelFaults {
  /** Share (0..1) of Converse calls answered with HTTP 429 ThrottlingException. */
  throttleShare: number;
  /** Model ids whose calls never answer until the client leaves (a stalled model). */
  stall: string[];
}

// The local Bedrock server in its own process, with paced models (bench/generation/paced-model.ts)
// and faults the load benchmark switches at run time through an extra route on the same port.
// argv[2]: JSON of { modelId: ModelLatency }; argv[3]: JSON of the initial ModelFaults.
const models = JSON.parse(process.argv[2] ?? '{}') as Record<string, ModelLatency>;
let faults: ModelFaults = { throttleShare: 0, stall: [], ...JSON.parse(process.argv[3] ?? '{}') };
const random = rng(7);
const counts = { calls: 0, throttled: 0, stalled: 0 };

const server = await startBedrockServer();
const paced = pacedModelRoutes(models);

/** A throttle or a stall, or undefined to answer normally. */
async function fault(modelId: string, res: ServerResponse | object): Promise<Reply | undefined | 'hang'> {
  counts.calls++;
  server.calls.length = 0; // Drop recorded calls (whole prompts) as they come: nothing reads them.
  if (random() < faults.throttleShare) {
    counts.throttled++;
    return awsError(429, 'ThrottlingException', 'Too many requests, please wait before trying again.');
  }
  if (faults.stall.includes(modelId)) {
    counts.stalled++;
    await new Promise((gone) => (res as ServerResponse).once('close', gone));
    return 'hang';
  }
  return undefined;
}

server.route('converse', 'POST', '/model/{modelId}/converse', async (call, res) => {
  const f = await fault(call.params.modelId!, res);
  return f === 'hang' ? undefined : (f ?? paced.converse(call));
});
server.route('converse-stream', 'POST', '/model/{modelId}/converse-stream', async (call, res) => {
  const f = await fault(call.params.modelId!, res);
  return f === 'hang' ? undefined : (f ?? paced.converseStream(call, res));
});
server.route('faults', 'POST', '/bench/faults', (call) => {
  faults = { ...faults, ...(call.body as Partial<ModelFaults>) };
  return { body: { faults, counts } };
});
serveParent({ url: server.url }, () => server.close());
