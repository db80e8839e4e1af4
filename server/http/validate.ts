import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, describeIssues } from './errors.ts';
import { containsNul } from './nul-guard.ts';

/** Parses a JSON body with a zod schema; malformed JSON and invalid fields are both 400s. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().includes('application/json')) {
    throw new ApiError('bad_request', 'body: send JSON with Content-Type: application/json');
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError('bad_request', 'body: not valid JSON');
  }
  if (containsNul(raw)) throw new ApiError('bad_request', 'body: must not contain NUL characters');
  return parseWith(schema, raw);
}

export function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiError('bad_request', describeIssues(parsed.error.issues));
  return parsed.data;
}
