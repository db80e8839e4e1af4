import { type ClientHttp2Session, connect } from 'node:http2';
import { parseArgs } from 'node:util';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { parseEnv } from '../server/env.ts';
import { createBedrockRuntimeClient } from '../server/llm/bedrock-client.ts';
import { startChild } from './generation/child-process.ts';
import type { ModelLatency } from './generation/paced-model.ts';
import { mean, quantile, table } from './stats.ts';

const defaults = parseEnv({});
// Answers in ~0.1 s: long enough that calls overlap as a summary's do, short enough for many rounds.
const QUICK: Record<string, ModelLatency> = {
  [defaults.BEDROCK_MODEL_FAST]: { firstTokenMs: 60, perTokenMs: 0.2, jitter: 0.25, bullets: 6 },
  [defaults.BEDROCK_MODEL_DEEP]: { firstTokenMs: 90, perTokenMs: 0.3, jitter: 0.25, bullets: 5 },
};
// `--paced`: the generation benchmark's latencies (1.8 s fast, 4 s deep), connections idle between.
const PACED: Record<string, ModelLatency> = {
  [defaults.BEDROCK_MODEL_FAST]: { firstTokenMs: 350, perTokenMs: 8, jitter: 0.25, bullets: 6 },
  [defaults.BEDROCK_MODEL_DEEP]: { firstTokenMs: 700, perTokenMs: 20, jitter: 0.25, bullets: 5 },
};
// A section prompt's size and shape (~5 KB of fact lines), so the model answers at a section's length.
const DATA = Array.from(
  { length: 40 },
  (_, i) =>
    `[S${i + 1}] Opportunity ${i + 1} · stage Proposal · amount $${(i + 1) * 12_500} · close 2026-12-${(i % 28) + 1}`,
).join('\n');
const PROMPT = `<instructions>\nWrite the section.\n</instructions>\n<data>\n${DATA}\n</data>\n`;

/**
 * `npm run bench -- model-client [--rounds 30] [--warmup 10] [--paced]`: this process's CPU for a summary's
 * six Converse calls (sent at once, as the sections send them) through the real SDK client, by how
 * it connects — shared HTTP/2 sessions (the default), HTTP/1.1 over kept-alive connections, and
 * the SDK's own default (an HTTP/2 session a call) — and, for scale, as bare HTTP/2 POSTs with no
 * SDK, against the local Bedrock server in a child process. They take turns round by round, so a
 * noisy moment hits them alike.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rounds: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '10' },
      paced: { type: 'boolean', default: false },
    },
  });
  process.env.AWS_ACCESS_KEY_ID ??= 'bench';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const MODELS = values.paced ? PACED : QUICK;
  const bedrock = await startChild<{ url: string }>('./bedrock-child.ts', [JSON.stringify(MODELS)]);
  const config = { region: defaults.BEDROCK_REGION, endpoint: bedrock.ready.url, maxAttempts: 1 };
  const clients: [string, BedrockRuntimeClient][] = [
    ['HTTP/2, shared sessions (the default)', createBedrockRuntimeClient({ ...config, httpVersion: '2' })],
    [
      'HTTP/1.1, kept-alive connections (BEDROCK_HTTP_VERSION=1.1)',
      createBedrockRuntimeClient({ ...config, httpVersion: '1.1' }),
    ],
    ["the SDK's default handler (an HTTP/2 session a call)", new BedrockRuntimeClient(config)],
  ];
  const models = Object.keys(MODELS);
  const request = (i: number) => ({
    modelId: models[i < 5 ? 0 : 1]!,
    messages: [{ role: 'user' as const, content: [{ text: PROMPT }] }],
    inferenceConfig: { maxTokens: 600 },
  });
  const sixCalls = (send: (i: number) => Promise<unknown>) => Promise.all([0, 1, 2, 3, 4, 5].map(send));
  // For scale, not a client to ship: the same six bodies as bare HTTP/2 POSTs on one session, no
  // signing, no SDK — what Node's HTTP/2 and JSON cost before any client library runs.
  const bare = connect(bedrock.ready.url);
  type Row = [label: string, send: () => Promise<unknown>];
  const rows: Row[] = clients.map(
    ([label, client]): Row => [label, () => sixCalls((i) => client.send(new ConverseCommand(request(i))))],
  );
  rows.push([
    'no SDK: bare node:http2 POSTs on one session (for scale)',
    () => sixCalls((i) => barePost(bare, request(i))),
  ]);
  const cpu: number[][] = rows.map(() => []);
  try {
    for (let round = 0; round < Number(values.warmup) + Number(values.rounds); round++) {
      for (const [i, [, send]] of rows.entries()) {
        const before = process.cpuUsage();
        await send();
        const used = process.cpuUsage(before);
        if (round >= Number(values.warmup)) cpu[i]!.push((used.user + used.system) / 1000);
      }
    }
  } finally {
    for (const [, client] of clients) client.destroy();
    bare.close();
    await bedrock.stop();
  }
  const base = mean(cpu[0]!);
  console.log(
    table(
      ['six Converse calls at once, by connection', 'mean ms CPU', 'p50', 'p95', 'vs the default'],
      rows.map(([label], i) => [
        label,
        mean(cpu[i]!).toFixed(1),
        quantile(cpu[i]!, 0.5).toFixed(1),
        quantile(cpu[i]!, 0.95).toFixed(1),
        `${(mean(cpu[i]!) / base).toFixed(2)}×`,
      ]),
    ),
  );
  console.log(
    `(${values.rounds} rounds after ${values.warmup} of warm-up, each in turn, model answers in ` +
      `${values.paced ? '1.8–4 s' : '~0.1 s'}; this process's CPU, user + kernel)`,
  );
  const json = {
    bench: 'model-client',
    rounds: Number(values.rounds),
    paced: values.paced,
    results: rows.map(([label], i) => ({ label, meanMs: mean(cpu[i]!), p50Ms: quantile(cpu[i]!, 0.5) })),
  };
  console.log(`\n${JSON.stringify(json)}`);
}

/** One Converse call as a bare HTTP/2 POST: the JSON body out, the JSON answer read and parsed. */
function barePost(session: ClientHttp2Session, body: { modelId: string }): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const stream = session.request({
      ':method': 'POST',
      ':path': `/model/${encodeURIComponent(body.modelId)}/converse`,
      'content-type': 'application/json',
    });
    const chunks: Buffer[] = [];
    stream.on('response', (headers) => {
      if (headers[':status'] !== 200) reject(new Error(`the model server answered ${headers[':status']}`));
    });
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { output?: unknown };
      if (answer.output) resolve(answer);
      else reject(new Error('the model server sent no output'));
    });
    stream.on('error', reject);
    const { modelId: _, ...payload } = body;
    stream.end(JSON.stringify(payload));
  });
}
