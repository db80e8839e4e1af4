import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat server standing in for a slow model (the server's LLM_PROVIDER=openai
 * path), so a brief is written section by section over a few seconds and the panel's progressive
 * rendering can be watched. It answers like a careful model: one bullet per fact line of the
 * prompt's <data> block, copied verbatim and ending with that line's source id, so the numbers and
 * citations checks pass.
 */
export async function startPacedModel(paceMs: (nth: number) => number) {
  let nth = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as { messages?: { role: string; content: string }[] };
      const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
      const data = /^<data>$([\s\S]*?)^<\/data>$/m.exec(user)?.[1] ?? '';
      const facts = [...data.matchAll(/^\[(S\d+)\] (.+)$/gm)].slice(0, 3);
      const text = facts.map(([, id, fact]) => `- ${fact} [${id}]`).join('\n') || '- Nothing on file. [S1]';
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            choices: [{ message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
            usage: {
              prompt_tokens: Math.ceil(user.length / 4),
              completion_tokens: Math.ceil(text.length / 4),
            },
          }),
        );
      }, paceMs(++nth));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
