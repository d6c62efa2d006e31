// Reading the API's own OpenAPI document in tests: which operations exist, how to build a request
// for each from its parameters, and a validator for each documented response. Tests derive their
// requests from the document, so a route added without test values fails loudly instead of being
// skipped.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext its default import is typed as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: Json;
}

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  summary?: string;
  tags?: string[];
  parameters: Parameter[];
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
  /** Who may call it: `[]` for anyone, else the schemes of the document's components. */
  security?: Array<Record<string, string[]>>;
}

/** Operations that only read (GET): these are crawled; the others are exercised one by one. */
export const isRead = (op: Operation): boolean => op.method === 'GET';

export function operationsOf(doc: Json): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        summary: op.summary,
        tags: op.tags,
        parameters: op.parameters ?? [],
        responses: op.responses ?? {},
        requestBody: op.requestBody,
        security: op.security,
      });
    }
  }
  return out;
}

/** The URL of an operation with the given parameter values (path ones substituted, query ones encoded). */
export function urlOf(op: Operation, values: Record<string, string | number | undefined>): string {
  let path = op.path;
  const q = new URLSearchParams();
  for (const p of op.parameters) {
    const v = values[p.name];
    if (p.in === 'path') {
      if (v === undefined) throw new Error(`no value for path parameter "${p.name}" of ${op.operationId}`);
      path = path.replace(`{${p.name}}`, encodeURIComponent(String(v)));
    } else if (p.in === 'query' && v !== undefined) q.set(p.name, String(v));
  }
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The header parameters of an operation that have a value. */
export function headersOf(op: Operation, values: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of op.parameters) {
    const v = values[p.name];
    if (p.in === 'header' && v !== undefined) out[p.name] = String(v);
  }
  return out;
}

/** Validates bodies against documented response schemas (JSON Schema 2020-12, as OpenAPI 3.1 uses). */
export function responseValidators(doc: Json) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // The components become one schema of their own, so each response schema refers into it.
  const base = 'urn:talapker:openapi';
  const rewrite = (x: unknown): unknown =>
    JSON.parse(JSON.stringify(x).replaceAll('"#/components/schemas/', `"${base}#/$defs/`));
  ajv.addSchema({ $id: base, $defs: rewrite(doc.components?.schemas ?? {}) as Json });
  const cache = new Map<string, ValidateFunction>();
  return (op: Operation, status: string, mediaType: string): ValidateFunction => {
    const key = `${op.operationId} ${status} ${mediaType}`;
    let v = cache.get(key);
    if (!v) {
      const schema = op.responses[status]?.content?.[mediaType]?.schema;
      if (!schema) throw new Error(`${op.operationId} documents no ${status} ${mediaType} response`);
      v = ajv.compile(rewrite(schema) as Json);
      cache.set(key, v);
    }
    return v;
  };
}

/** An invalid value for a parameter, derived from its schema, or undefined when none can be made. */
export function invalidValueFor(p: Parameter): string | undefined {
  const s = p.schema ?? {};
  if (s.type === 'integer' || s.type === 'number') return 'not-a-number';
  if (Array.isArray(s.enum)) return 'no-such-value';
  if (typeof s.maxLength === 'number') return 'x'.repeat(s.maxLength + 1);
  return undefined;
}
