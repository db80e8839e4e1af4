import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { describeIssues } from '../http/errors.ts';
import { cleanText, formatOf, SUPPORTED_EXTENSIONS } from './clean-text.ts';
import { splitFrontMatter } from './front-matter.ts';
import { IngestError } from './ingest-error.ts';
import { type SourceMetadata, sourceMetadataSchema } from './source-metadata.ts';

/** Largest file accepted; bigger ones are almost always exports or logs, not documents. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A file read, cleaned and validated, ready to become a documents row. */
export interface SourceFile {
  path: string;
  id: string;
  /** Metadata from front matter over defaults (command-line options). */
  meta: SourceMetadata;
  title: string;
  text: string;
  contentHash: string;
  modifiedAt: string;
}

/**
 * Reads one file or every file under a folder (dot-files skipped). All files are checked before
 * any is returned, so one bad file fails the whole run before anything is written.
 */
export async function readSourceFiles(path: string, defaults: SourceMetadata = {}): Promise<SourceFile[]> {
  const root = resolve(path);
  const info = await stat(root).catch(() => null);
  if (!info) throw new IngestError(`${path}: no such file or folder`);
  const files = info.isDirectory() ? await listFiles(root) : [root];
  if (!files.length)
    throw new IngestError(`${path}: no files to ingest (${SUPPORTED_EXTENSIONS.join(', ')})`);
  const unsupported = files.filter((f) => !formatOf(f));
  if (unsupported.length) {
    const names = unsupported.slice(0, 5).map((f) => relative(process.cwd(), f) || f);
    throw new IngestError(
      `unsupported format: ${names.join(', ')} (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`,
    );
  }
  const out: SourceFile[] = [];
  for (const file of files) out.push(await readOne(file, info.isDirectory() ? root : null, defaults));
  const seen = new Map<string, string>();
  for (const f of out) {
    const other = seen.get(f.id);
    if (other) throw new IngestError(`${f.path}: document id "${f.id}" is also used by ${other}`);
    seen.set(f.id, f.path);
  }
  return out;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter(
      (e) =>
        e.isFile() &&
        !relative(dir, join(e.parentPath, e.name))
          .split(sep)
          .some((p) => p.startsWith('.')),
    )
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function readOne(file: string, root: string | null, defaults: SourceMetadata): Promise<SourceFile> {
  const format = formatOf(file)!;
  const info = await stat(file);
  if (info.size === 0) throw new IngestError(`${file}: empty file`);
  if (info.size > MAX_FILE_BYTES) {
    throw new IngestError(
      `${file}: ${(info.size / 1048576).toFixed(1)} MB is over the ${MAX_FILE_BYTES / 1048576} MB limit`,
    );
  }
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch {
    throw new IngestError(`${file}: not UTF-8 text`);
  }
  let data: Record<string, unknown> = {};
  if (format !== 'html') {
    try {
      ({ data, body: source } = splitFrontMatter(source));
    } catch (error) {
      throw new IngestError(`${file}: ${(error as Error).message}`);
    }
  }
  const parsed = sourceMetadataSchema.safeParse(data);
  if (!parsed.success) throw new IngestError(`${file}: front matter ${describeIssues(parsed.error.issues)}`);
  const cleaned = cleanText(source, format);
  if (!cleaned.text) throw new IngestError(`${file}: no text left after cleaning`);
  const meta = { ...defaults, ...parsed.data };
  const rel = root ? relative(root, file) : basename(file);
  return {
    path: file,
    id: meta.id ?? fileDocumentId(rel),
    meta,
    title: meta.title ?? cleaned.title ?? basename(file).replace(/\.[^.]+$/, ''),
    text: cleaned.text,
    contentHash: createHash('sha256').update(cleaned.text, 'utf8').digest('hex'),
    modifiedAt: info.mtime.toISOString(),
  };
}

/** A stable id from the path relative to the ingested folder: the same file maps to the same row. */
export function fileDocumentId(relativePath: string): string {
  const slug = relativePath
    .replace(/\\/g, '/')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  const digest = createHash('sha256').update(relativePath.replace(/\\/g, '/')).digest('hex').slice(0, 8);
  return `file-${slug}-${digest}`;
}
