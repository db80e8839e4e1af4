import { describe, expect, it } from 'vitest';
import { createLocalGroundedEngine } from '../../../../server/llm/local-grounded.ts';
import { checkSection, checkSectionWithMetrics } from '../../../../server/quality/check-section.ts';
import { compactCitations } from '../../../../server/quality/compact-citations.ts';
import { referenceText, textMetrics } from '../../../../server/quality/text-metrics.ts';
import { metricText, metricTokens } from '../../../../server/quality/tokenize-for-metrics.ts';
import { buildPromptContext } from '../../../../server/sections/prompt-context.ts';
import { loadPromptFiles, renderPrompt } from '../../../../server/sections/prompt-files.ts';
import { checksSchema } from '../../../../shared/api.ts';
import { fullSectionData } from '../sections/fixtures.ts';

describe('metricTokens', () => {
  it('lower-cases Unicode words and numbers and drops markup, citations, links and tags', () => {
    expect(
      metricTokens(
        '- **Pipeline** is $1,250,000 [S1][S12], up 12.5% — see [the docs](https://x.example/a) <b>Don’t</b>',
      ),
    ).toEqual(['pipeline', 'is', '1,250,000', 'up', '12.5', 'see', 'the', 'docs', "don't"]);
    expect(metricTokens('Mar 4, 2026 · 2026-03-04 · kick-off in Q3 · Café Zürich · $1.25M')).toEqual([
      'mar',
      '4',
      '2026',
      '2026',
      '03',
      '04',
      'kick',
      'off',
      'in',
      'q3',
      'café',
      'zürich',
      '1.25m',
    ]);
    expect(metricTokens('end.Next 3. Then')).toEqual(['end', 'next', '3', 'then']);
    expect(metricText('a [S3] b')).toBe('a   b');
  });
});

describe('referenceText', () => {
  it("takes a rendered prompt's <data> block, not its instructions or sources", () => {
    const prompt =
      'Use only the data provided in <data>.\n\n<data>\n<account>\n[S1] Acme &lt;GmbH&gt;\n</account>\n</data>\n\n<sources>\n[S1] account · Acme\n</sources>';
    expect(referenceText(prompt)).toBe('<account>\n[S1] Acme <GmbH>\n</account>\n');
    expect(referenceText('plain text')).toBe('plain text');
  });

  it('flattens JSON-like facts to their string and number values', () => {
    expect(referenceText({ name: 'Acme', amount: 1250, tags: ['a', { b: 'c' }], none: null, ok: true })).toBe(
      'Acme\n1250\na\nc',
    );
  });
});

describe('textMetrics', () => {
  it('scores an output that is its input 1 on every metric, and a foreign text near 0', async () => {
    const text = 'Acme renewed Object Storage for $1,250,000 on Mar 4, 2026 after a strong pilot.';
    const same = await textMetrics(`- **${text}** [S1]`, text);
    expect(same.metrics).toEqual({ cosine: 1, bleu: 1, rouge1: 1, rouge2: 1, rougeL: 1 });
    expect(same.detail).toMatchObject({ outputTokens: 14, inputTokens: 14, brevityPenalty: 1 });
    const other = await textMetrics('Quarterly review went well.', text);
    expect(other.metrics).toMatchObject({ bleu: 0, rouge1: 0, rouge2: 0, rougeL: 0 });
    expect(Math.abs(other.metrics.cosine)).toBeLessThan(0.2);
  });

  it('rounds to 4 decimals', async () => {
    const { metrics } = await textMetrics('the cat sat on the mat', 'the cat is on the mat');
    expect(metrics).toMatchObject({ bleu: 0.2541, rouge1: 0.8333, rouge2: 0.6, rougeL: 0.8333 });
  });
});

describe('checkSectionWithMetrics', () => {
  it('adds metrics against the prompt <data> block and keeps the numbers and citations checks', async () => {
    const data = fullSectionData('pipeline');
    const prompt = renderPrompt((await loadPromptFiles()).pipeline, buildPromptContext(data));
    const written = await createLocalGroundedEngine().write({
      sectionId: 'pipeline',
      title: 'Pipeline',
      prompt,
      data,
      tier: 'fast',
      maxOutputTokens: 600,
    });
    const { markdown, citations } = compactCitations(written.markdown, data.sources);
    const checks = await checkSectionWithMetrics(markdown, data, citations, { prompt });
    expect(checks).toEqual({ ...checkSection(markdown, data, citations), metrics: expect.any(Object) });
    expect(checksSchema.parse(checks)).toEqual(checks);
    const { metrics } = await textMetrics(markdown, referenceText(prompt));
    expect(checks.metrics).toEqual(metrics);
    for (const value of Object.values(checks.metrics!)) expect(value).toBeGreaterThan(0);
    // A copied-fact writer shares most of its words with its input.
    expect(checks.metrics!.cosine).toBeGreaterThan(0.3);
  });

  it('leaves metrics out, and still checks, when the embedder fails', async () => {
    const embedder = { id: 'down', dimensions: 2, embed: () => Promise.reject(new Error('throttled')) };
    const checks = await checkSectionWithMetrics('Up 12% [S1].', { pct: 12 }, [], { embedder });
    expect(checks).toEqual(checkSection('Up 12% [S1].', { pct: 12 }, []));
  });

  it('stored checks from before the metrics still parse', () => {
    const old = { numbers: { passed: true, checked: 1, unsupported: [] } };
    expect(checksSchema.parse(old)).toEqual(old);
    expect(
      checksSchema.safeParse({ metrics: { cosine: 0.5, bleu: 2, rouge1: 0, rouge2: 0, rougeL: 0 } }).success,
    ).toBe(false);
  });
});
