import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkNumbers } from '../quality/numbers-check.ts';
import { referenceText, textMetrics } from '../quality/text-metrics.ts';

// Scores one section's output against its input, as the server does after writing it:
// `npm run --silent score -- --input FILE --output FILE` prints one JSON line
// { numbers, metrics: { cosine, bleu, rouge1, rouge2, rougeL }, detail }.
// --input: the section's facts as JSON (its string and number values are the reference text), or
// its rendered prompt (the <data> block is the reference), or any text. --output: its markdown.
// The cosine uses the local lexical embedder, as the server does.
const USAGE = 'usage: npm run --silent score -- --input FILE --output FILE';

function fail(message: string): never {
  console.error(`score: ${message} (${USAGE})`);
  process.exit(2);
}

let values: { input?: string; output?: string };
try {
  ({ values } = parseArgs({ options: { input: { type: 'string' }, output: { type: 'string' } } }));
} catch (error) {
  fail((error as Error).message.split('\n')[0]!);
}
if (!values.input) fail('missing --input FILE');
if (!values.output) fail('missing --output FILE');

async function read(flag: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return fail(`cannot read ${flag} ${path}: ${code ?? message}`);
  }
}

const inputText = await read('--input', values.input);
const markdown = await read('--output', values.output);
let input: unknown = inputText;
try {
  input = JSON.parse(inputText);
} catch {
  if (/\.json$/i.test(values.input)) fail(`--input ${values.input} is not valid JSON`);
}
// A JSON string or number is still just text.
if (typeof input !== 'object' || input === null) input = inputText;

const { metrics, detail } = await textMetrics(markdown, referenceText(input));
console.log(JSON.stringify({ numbers: checkNumbers(markdown, input), metrics, detail }));
