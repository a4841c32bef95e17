// One shape for every error answer ({error, field?, message?}, French message), and the
// exception that routes throw to produce it, so no handler builds error bodies by hand.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../../sync/protocol';
import { ClientAbortedError, isClientAbort } from './body';
import { jsonBodyProblem } from './jsonBody';

export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly body: ErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.error);
  }
}

export function badRequest(field: string, message: string, error = 'invalid_body'): HttpError {
  return new HttpError(400, { error, field, message });
}

export function errorResponse(c: Context, err: HttpError): Response {
  for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
  return c.json(err.body, err.status);
}

/**
 * Reads a JSON body; a body that is not JSON, or JSON no route should see (jsonBody.ts), is a
 * 400 naming the field, never a 500.
 */
export async function readJson(c: Context): Promise<unknown> {
  let text: string;
  try {
    text = await c.req.text();
  } catch (err) {
    if (isClientAbort(c, err)) throw new ClientAbortedError();
    throw err;
  }
  if (text.trim() === '') throw badRequest('body', 'corps de requête vide (JSON attendu)');
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw badRequest('body', 'corps de requête illisible (JSON invalide)');
  }
  const problem = jsonBodyProblem(body);
  if (problem !== null) throw badRequest(problem.field, problem.message);
  return body;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
