// XML built to hurt a parser: each must be refused, quickly, without reading more than it must.

import { describe, expect, it } from 'vitest';
import { collectStream } from '../statement-builder.ts';
import { parseStatementBytes } from '../parse-statement.ts';
import { parseCamt053, parseCamt053Stream } from './camt053.parser.ts';

const XXE = `<?xml version="1.0"?>
<!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&xxe;</Id></Stmt></BkToCstmrStmt></Document>`;

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Document><BkToCstmrStmt><Stmt><Id>&lol9;</Id></Stmt></BkToCstmrStmt></Document>`;

const GIB = 1024 * 1024 * 1024;

/** Yields `total` bytes of `unit` repeated, lazily, counting what the consumer actually pulled. */
function lazy(prefix: string, unit: string, total: number, counter: { bytes: number }): AsyncIterable<Uint8Array> {
  const chunk = Buffer.from(unit.repeat(Math.floor(65536 / unit.length)), 'utf8');
  return {
    async *[Symbol.asyncIterator]() {
      const head = Buffer.from(prefix, 'utf8');
      counter.bytes += head.length;
      yield head;
      for (let sent = 0; sent < total; sent += chunk.length) {
        counter.bytes += chunk.length;
        yield chunk;
      }
    },
  };
}

async function timed<T>(f: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t };
}

describe('hostile XML', () => {
  it('refuses an external entity (XXE) before parsing', async () => {
    const { value, ms } = await timed(() => parseCamt053(XXE));
    expect(value.statements).toEqual([]);
    expect(value.problems).toMatchObject([{ code: 'xml.declaration_refused', severity: 'error' }]);
    expect(JSON.stringify(value)).not.toContain('root:');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses billion laughs before any entity is expanded', async () => {
    const { value, ms } = await timed(() => parseCamt053(BILLION_LAUGHS));
    expect(value.problems.map((p) => p.code)).toEqual(['xml.declaration_refused']);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a DOCTYPE split across two stream chunks', async () => {
    const bytes = Buffer.from(XXE, 'utf8');
    const cut = XXE.indexOf('DOC') + 2;
    const r = await collectStream(parseCamt053Stream([bytes.subarray(0, cut), bytes.subarray(cut)]));
    expect(r.problems.map((p) => p.code)).toEqual(['xml.declaration_refused']);
  });

  it('refuses through the format-detecting entry point too', async () => {
    const r = await parseStatementBytes(Buffer.from(XXE));
    expect(r.format).toBe('camt053');
    expect(r.problems.map((p) => p.code)).toEqual(['xml.declaration_refused']);
  });

  it('refuses 1 GB of nesting quickly, reading only its first chunks', async () => {
    const counter = { bytes: 0 };
    const source = lazy(
      '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">',
      '<a>',
      GIB,
      counter,
    );
    const { value, ms } = await timed(() => collectStream(parseCamt053Stream(source)));
    expect(value.problems.map((p) => p.code)).toEqual(['xml.too_deep']);
    expect(ms).toBeLessThan(2000);
    expect(counter.bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it('refuses a gigabyte-long text node and a stream past the size limit', async () => {
    const text = { bytes: 0 };
    const longText = await collectStream(
      parseCamt053Stream(lazy('<Document><BkToCstmrStmt><Stmt><Id>', 'x', GIB, text)),
    );
    expect(longText.problems.map((p) => p.code)).toEqual(['xml.node_too_large']);
    expect(text.bytes).toBeLessThan(16 * 1024 * 1024);
    const size = { bytes: 0 };
    const wide = await collectStream(
      parseCamt053Stream(lazy('<Document><BkToCstmrStmt><GrpHdr>', '<x/>', GIB, size), {
        limits: { maxChars: 4 * 1024 * 1024 },
      }),
    );
    expect(wide.problems.map((p) => p.code)).toEqual(['xml.too_large']);
    expect(size.bytes).toBeLessThan(8 * 1024 * 1024);
  });

  it('caps the problems one file can produce (a million empty statements are one finding, not a million)', async () => {
    const r = await collectStream(
      parseCamt053Stream(lazy('<Document><BkToCstmrStmt>', '<Stmt></Stmt>', 2 * 1024 * 1024, { bytes: 0 })),
    );
    expect(r.problems.length).toBeLessThanOrEqual(1001);
    expect(r.problems[r.problems.length - 1]?.code).toBe('statement.too_many_problems');
  });

  it('refuses deep nesting held in memory as well', () => {
    const deep = `<Document>${'<a>'.repeat(100_000)}`;
    const { problems } = parseCamt053(deep);
    expect(problems.map((p) => p.code)).toEqual(['xml.too_deep']);
  });

  it('reports an undefined entity reference as malformed, not as text', () => {
    const r = parseCamt053('<Document><BkToCstmrStmt><Stmt><Id>&evil;</Id></Stmt></BkToCstmrStmt></Document>');
    expect(r.problems.map((p) => p.code)).toContain('xml.malformed');
  });
});
