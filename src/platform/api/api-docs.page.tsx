// The API reference page at /api/docs, rendered on the server from the OpenAPI document itself, so
// it cannot drift from the routes. No script and nothing from another origin (the site's CSP allows
// only 'self'); its look is the site's one stylesheet, which browsers keep for a year.
import { renderToString } from 'preact-render-to-string';
import type { ComponentChildren } from 'preact';
import { siteCssPath } from '../web/layout.tsx';

/** The parts of an OpenAPI 3.1 document this page reads; everything else is ignored. */
type Json = Record<string, unknown>;
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  tags?: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Json> };
}

interface Operation {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: Array<{
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    example?: unknown;
    schema?: Json;
  }>;
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>;
  requestBody?: { content?: Record<string, unknown> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: String(op.operationId ?? `${method}-${path}`),
        summary: String(op.summary ?? ''),
        description: String(op.description ?? ''),
        tags: (op.tags as string[] | undefined) ?? ['Other'],
        // Path parameters first: they say what the resource is, the query ones how to show it.
        parameters: [...((op.parameters as Operation['parameters'] | undefined) ?? [])].sort(
          (a, b) => Number(b.in === 'path') - Number(a.in === 'path'),
        ),
        responses: (op.responses as Operation['responses'] | undefined) ?? {},
        requestBody: op.requestBody as Operation['requestBody'],
      });
    }
  }
  return out;
}

const refName = (ref: string): string => ref.replace('#/components/schemas/', '');

function resolve(doc: OpenApiDocument, s: Json | undefined): Json | undefined {
  const seen = new Set<string>();
  let cur = s;
  while (cur && typeof cur.$ref === 'string' && !seen.has(cur.$ref)) {
    seen.add(cur.$ref);
    // Sibling keywords of a $ref (its description) win over the target's.
    const { $ref, ...siblings } = cur;
    cur = { ...(doc.components?.schemas?.[refName($ref as string)] ?? {}), ...siblings };
  }
  return cur;
}

/** A short human reading of a schema's type: `string (date)`, `integer`, `Candidate[]`, `string or null`. */
function typeLabel(s: Json | undefined): string {
  if (!s) return 'any';
  if (typeof s.$ref === 'string') return refName(s.$ref);
  if ('const' in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alternatives = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (alternatives) return alternatives.map(typeLabel).join(' or ');
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [String(s.type)] : [];
  if (types.length === 0) return 'any';
  return types
    .map((t) => {
      if (t === 'array') return `${typeLabel(s.items as Json | undefined)}[]`;
      if (t === 'string' && typeof s.format === 'string') return `string (${s.format})`;
      return t;
    })
    .join(' or ');
}

interface FieldRow {
  name: string;
  type: string;
  description: string;
}

/** Flattens a response schema into dotted field names (`data[].name.ky`), expanding nested objects up to `depth`. */
function fieldsOf(doc: OpenApiDocument, schema: Json | undefined, prefix = '', depth = 3): FieldRow[] {
  const s = resolve(doc, schema);
  const props = s?.properties as Record<string, Json> | undefined;
  if (!s || !props) return [];
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries(props).flatMap(([key, raw]) => {
    const name = `${prefix}${key}`;
    const target = resolve(doc, raw);
    const row: FieldRow = {
      name: required.has(key) ? name : `${name} (optional)`,
      type: typeLabel(raw),
      description: String(raw.description ?? target?.description ?? ''),
    };
    if (depth <= 1 || !target) return [row];
    const items =
      Array.isArray(target.type) || target.type !== 'array'
        ? undefined
        : resolve(doc, target.items as Json | undefined);
    if (items?.properties) return [row, ...fieldsOf(doc, items, `${name}[].`, depth - 1)];
    if (target.properties) return [row, ...fieldsOf(doc, target, `${name}.`, depth - 1)];
    return [row];
  });
}

/** @fastify/swagger lifts a schema's `examples` to the parameter's `example`; both are read. */
function exampleOf(p: Operation['parameters'][number]): string | undefined {
  const ex = p.example ?? (p.schema?.examples as unknown[] | undefined)?.[0];
  return ex === undefined ? undefined : String(ex);
}

export function curlExample(origin: string, op: Operation): string {
  let path = op.path;
  const query = new URLSearchParams();
  // What a call other than a plain GET needs: its method, the token of an operation that documents
  // 401, its required headers and its body.
  const options: string[] = op.method === 'GET' ? [] : [`-X ${op.method}`];
  if (op.responses['401']) options.push('-H "Authorization: Bearer $TOKEN"');
  for (const p of op.parameters) {
    const ex = exampleOf(p);
    if (p.in === 'path' && ex !== undefined) path = path.replace(`{${p.name}}`, encodeURIComponent(ex));
    if (p.in === 'query' && p.required) query.set(p.name, ex ?? `{${p.name}}`);
    if (p.in === 'header' && p.required) options.push(`-H '${p.name}: ${ex ?? `{${p.name}}`}'`);
  }
  if (op.requestBody?.content?.['application/json'])
    options.push("-H 'Content-Type: application/json' --data @request.json");
  const qs = query.toString();
  const isFile = op.path.endsWith('.csv') || op.path.endsWith('.xlsx');
  const url = `'${origin}${path}${qs ? `?${qs}` : ''}'`;
  const flags = isFile ? ['-OJ', ...options] : options;
  if (options.length === 0) return `curl ${flags.map((f) => `${f} `).join('')}${url}`;
  // One option a line, so that a longer example fits the page without scrolling.
  return `curl ${flags.join(' \\\n  ')} \\\n  ${url}`;
}

/** Descriptions in the document use Markdown code spans; they are shown as code, everything else as text. */
function Prose(p: { text: string }) {
  return <>{p.text.split('`').map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}

function Table(p: { caption: string; head: string[]; rows: ComponentChildren[][] }) {
  return (
    <div class="wrap">
      <table>
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            {p.head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr>{r.map((cell, i) => (i === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OperationSection(p: { doc: OpenApiDocument; op: Operation; origin: string }) {
  const { doc, op } = p;
  const statuses = Object.entries(op.responses);
  return (
    <section class="op" id={op.operationId} aria-labelledby={`${op.operationId}-h`}>
      <h3 id={`${op.operationId}-h`}>
        <span class="method">{op.method}</span>
        <code>{op.path}</code>
      </h3>
      <p>
        <strong>{op.summary}</strong> <Prose text={op.description} />
      </p>
      {op.parameters.length > 0 ? (
        <Table
          caption="Parameters"
          head={['Name', 'In', 'Type', 'Required', 'Description']}
          rows={op.parameters.map((x) => {
            const def = x.schema && 'default' in x.schema ? ` Default: ${JSON.stringify(x.schema.default)}.` : '';
            return [
              <code>{x.name}</code>,
              x.in,
              typeLabel(x.schema),
              x.required ? 'yes' : 'no',
              <Prose text={`${x.description ?? String(x.schema?.description ?? '')}${def}`} />,
            ];
          })}
        />
      ) : (
        <p>No parameters.</p>
      )}
      {statuses.map(([status, r]) => {
        const content = Object.entries(r.content ?? {});
        const success = status.startsWith('2');
        return (
          <>
            <h4>
              Response {status}: <Prose text={r.description ?? ''} />
            </h4>
            {content.map(([media, c]) => {
              const fields = success ? fieldsOf(doc, c.schema) : [];
              const name = typeof c.schema?.$ref === 'string' ? refName(c.schema.$ref) : undefined;
              return (
                <>
                  <p>
                    <code>{media}</code>
                    {name ? (
                      <>
                        {' '}
                        — schema <a href={`#schema-${name}`}>{name}</a>
                      </>
                    ) : null}
                  </p>
                  {fields.length > 0 ? (
                    <Table
                      caption={`Fields of the ${status} response`}
                      head={['Field', 'Type', 'Description']}
                      rows={fields.map((f) => [<code>{f.name}</code>, f.type, <Prose text={f.description} />])}
                    />
                  ) : null}
                </>
              );
            })}
          </>
        );
      })}
      <h4>Example</h4>
      <pre>
        <code>{curlExample(p.origin, op)}</code>
      </pre>
    </section>
  );
}

export function renderApiDocs(doc: OpenApiDocument, origin: string): string {
  const ops = operationsOf(doc);
  const tags = [
    ...(doc.tags ?? []),
    ...[...new Set(ops.flatMap((o) => o.tags))]
      .filter((t) => !doc.tags?.some((x) => x.name === t))
      .map((name) => ({ name, description: '' })),
  ];
  const schemas = Object.entries(doc.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const page = (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${doc.info.title} — reference`}</title>
        <link rel="stylesheet" href={siteCssPath} />
      </head>
      <body class="api-docs">
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header>
          <p>
            <a href="/">Talapker</a> › API
          </p>
        </header>
        <main id="main">
          <h1>
            {doc.info.title} <small>v{doc.info.version}</small>
          </h1>
          {(doc.info.description ?? '').split(/\n{2,}/).map((para) => (
            <p>
              <Prose text={para} />
            </p>
          ))}
          <p>
            Machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).
          </p>
          <nav aria-labelledby="toc-h">
            <h2 id="toc-h">Operations</h2>
            <ul>
              {ops.map((op) => (
                <li>
                  <a href={`#${op.operationId}`}>
                    <code>
                      {op.method} {op.path}
                    </code>
                  </a>{' '}
                  — {op.summary}
                </li>
              ))}
            </ul>
          </nav>
          {tags.map((t) => {
            const inTag = ops.filter((o) => o.tags[0] === t.name);
            if (inTag.length === 0) return null;
            return (
              <section aria-labelledby={`tag-${t.name}`}>
                <h2 id={`tag-${t.name}`}>{t.name}</h2>
                {t.description ? (
                  <p>
                    <Prose text={t.description} />
                  </p>
                ) : null}
                {inTag.map((op) => (
                  <OperationSection doc={doc} op={op} origin={origin} />
                ))}
              </section>
            );
          })}
          <section aria-labelledby="schemas-h">
            <h2 id="schemas-h">Schemas</h2>
            {schemas.map(([name, s]) => (
              <section id={`schema-${name}`} aria-labelledby={`schema-${name}-h`}>
                <h3 id={`schema-${name}-h`}>{name}</h3>
                {s.description ? (
                  <p>
                    <Prose text={String(s.description)} />
                  </p>
                ) : null}
                {s.properties ? (
                  <Table
                    caption={`Fields of ${name}`}
                    head={['Field', 'Type', 'Description']}
                    rows={fieldsOf(doc, s, '', 1).map((f) => [
                      <code>{f.name}</code>,
                      f.type,
                      <Prose text={f.description} />,
                    ])}
                  />
                ) : null}
              </section>
            ))}
          </section>
        </main>
        <footer>
          <p>
            Generated from <a href="/api/openapi.json">the OpenAPI document</a> of this instance.
          </p>
        </footer>
      </body>
    </html>
  );
  return `<!doctype html>${renderToString(page)}`;
}
