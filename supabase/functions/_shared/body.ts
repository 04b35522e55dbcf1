// Request bodies: a JSON object, or nothing where a function allows it (the schedule may post
// none). Anything else (null, an array, a string, a number, malformed JSON) and any field of
// the wrong type is refused with 400 invalid_input before the function reads a field; without
// this a `null` body reached `body.action` and the function answered 500 internal_error.
import { HttpError } from './errors.ts';

export type Body = Record<string, unknown>;

const invalid = (message: string) => new HttpError(400, 'invalid_input', message);

/** The body as an object; an empty body is `{}` when `emptyOk`. */
export async function readObject(req: Request, emptyOk = false): Promise<Body> {
  let text: string;
  try {
    text = await req.text();
  } catch {
    throw invalid('the body could not be read');
  }
  if (!text.trim()) {
    if (emptyOk) return {};
    throw invalid('the body must be a JSON object');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('the body must be JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('the body must be a JSON object');
  return value as Body;
}

/** Refuses fields the function does not know (a typo would otherwise be ignored silently). */
export function onlyFields(body: Body, allowed: string[]): void {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length) throw invalid(`unknown field ${unknown[0]}`);
}

/** A string field; `undefined` when absent (or null, if `nullable`). */
export function stringField(body: Body, key: string, opts: { required?: boolean; nullable?: boolean; max?: number } = {}): string | undefined {
  const v = body[key];
  if (v === undefined || (v === null && opts.nullable)) {
    if (opts.required) throw invalid(`${key} is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(`${key} must be a string`);
  if (v.length > (opts.max ?? 1000)) throw invalid(`${key} is too long`);
  return v;
}

/** A boolean field; `undefined` when absent. */
export function booleanField(body: Body, key: string, opts: { required?: boolean } = {}): boolean | undefined {
  const v = body[key];
  if (v === undefined) {
    if (opts.required) throw invalid(`${key} is required`);
    return undefined;
  }
  if (typeof v !== 'boolean') throw invalid(`${key} must be true or false`);
  return v;
}

/** An array of strings each matching `pattern`; `undefined` when absent. */
export function stringArrayField(body: Body, key: string, pattern: RegExp): string[] | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.length > 1000 || !v.every((x) => typeof x === 'string' && pattern.test(x))) {
    throw invalid(`${key} must be a list of codes`);
  }
  return v as string[];
}
