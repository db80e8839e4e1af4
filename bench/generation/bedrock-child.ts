import { startBedrockServer } from '../../test/support/bedrock-server.ts';
import { serveParent } from './child-process.ts';
import { type ModelLatency, pacedModelRoutes } from './paced-model.ts';

// The local Bedrock server in its own process (its CPU is not the server's), with paced models.
// argv[2]: JSON of { modelId: ModelLatency }.
const models = JSON.parse(process.argv[2] ?? '{}') as Record<string, ModelLatency>;
const server = await startBedrockServer();
const paced = pacedModelRoutes(models);
const forget = <T>(handler: T) => {
  // Drop recorded calls (whole prompts) as they come: nothing reads them here.
  server.calls.length = 0;
  return handler;
};
server.route('converse', 'POST', '/model/{modelId}/converse', (call) => forget(paced.converse)(call));
server.route('converse-stream', 'POST', '/model/{modelId}/converse-stream', (call, res) =>
  forget(paced.converseStream)(call, res),
);
serveParent({ url: server.url }, () => server.close());
