// The tokenizer against saxes: the same events for every real camt.053 fixture and for generated
// documents fed in chunks of every size; and its own refusals of what is not well-formed XML.

import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { XmlTokenizer } from './xml-tokenizer.ts';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** Events with adjacent text merged and blank text dropped (neither engine's text splits mean anything). */
function normalise(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push(e[0] === 'open' ? ['open', e[1], { ...e[2] }] : [...e] as Event);
  }
  return out.filter((e) => e[0] !== 'text' || e[1].trim().length > 0);
}

function ours(chunks: string[]): { events: Event[]; error?: string } {
  const events: Event[] = [];
  let error: string | undefined;
  const t = new XmlTokenizer({
    open: (n, a) => events.push(['open', n, { ...a }]),
    close: (n) => events.push(['close', n]),
    text: (x) => events.push(['text', x]),
    fail: (m) => (error = m),
  });
  for (const c of chunks) t.write(c);
  t.end();
  return error === undefined ? { events: normalise(events) } : { events: normalise(events), error };
}

function theirs(xml: string): { events: Event[]; error?: string } {
  const events: Event[] = [];
  let error: string | undefined;
  const p = new SaxesParser({ position: false });
  p.on('opentag', (tag) => events.push(['open', tag.name, { ...(tag.attributes as Record<string, string>) }]));
  p.on('closetag', (tag) => events.push(['close', tag.name]));
  p.on('text', (x) => events.push(['text', x]));
  p.on('cdata', (x) => events.push(['text', x]));
  p.on('error', (e) => (error ??= e.message));
  p.write(xml).close();
  return error === undefined ? { events: normalise(events) } : { events: normalise(events), error };
}

function split(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

describe('XML tokenizer', () => {
  it('gives the same events as saxes on every real camt.053 fixture, in chunks of any size', () => {
    const dir = new URL('../../../test/fixtures/bank/camt053/', import.meta.url);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.xml'))) {
      const xml = readFileSync(new URL(f, dir), 'utf8');
      const expected = theirs(xml);
      expect(expected.error).toBeUndefined();
      for (const size of [1, 3, 17, 1000, 1 << 20]) expect(ours(split(xml, size)), `${f} in chunks of ${size}`).toEqual(expected);
    }
  });

  it('gives the same events as saxes on generated documents (property)', () => {
    const name = fc.constantFrom('Ntry', 'Amt', 'ns2:Stmt', 'Nm', 'a', 'x.y-z_1', 'Дата');
    const textValue = fc.string({ unit: fc.constantFrom(...Array.from('ab c<>&"\'\n\tЖ€💶;#')), maxLength: 12 });
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const leaf = fc.oneof(
      textValue.map((t) => escape(t)),
      textValue.filter((t) => !t.includes(']]>')).map((t) => `<![CDATA[${t}]]>`),
      fc.constant('<!-- a comment -->'),
      fc.constant('<?pi some data?>'),
      fc.constantFrom('&#65;', '&#x416;', '&apos;'),
    );
    const element: fc.Arbitrary<string> = fc.letrec<{ el: string }>((tie) => ({
      el: fc
        .tuple(name, fc.uniqueArray(fc.tuple(fc.constantFrom('Ccy', 'xmlns', 'a:b', 'id'), textValue), { selector: ([k]) => k, maxLength: 3 }), fc.array(fc.oneof({ depthSize: 'small' }, leaf, tie('el')), { maxLength: 4 }), fc.boolean())
        .map(([n, attrs, kids, selfClose]) => {
          const a = attrs.map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
          return kids.length === 0 && selfClose ? `<${n}${a}/>` : `<${n}${a}>${kids.join('')}</${n} >`;
        }),
    })).el;
    fc.assert(
      fc.property(element, fc.integer({ min: 1, max: 40 }), (root, size) => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- head -->\n${root}\n`;
        const expected = theirs(xml);
        const got = ours(split(xml, size));
        expect(got.error).toBe(undefined);
        expect(got).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['<a><b></a>', '</a> closes <b>'],
    ['<a>', 'still open'],
    ['<a/><b/>', 'after the end of the root'],
    ['x<a/>', 'outside the root'],
    ['<a>&nbsp;</a>', 'unknown entity'],
    ['<a>&constructor;</a>', 'unknown entity'],
    ['<a>AT&T</a>', 'starts no entity'],
    ['<a b=1/>', 'not quoted'],
    ['<a b="1"c="2"/>', 'separated by whitespace'],
    ['<a b="<"/>', '"<" inside an attribute value'],
    ['<a b="1" b="2"/>', 'attribute b twice'],
    ['<!DOCTYPE a><a/>', 'not accepted'],
    ['<1a/>', 'not a start tag'],
    ['<a>&#0;</a>', 'unknown entity'],
    ['', 'no root'],
    ['<a><![CDATA[x</a>', 'ends inside'],
  ])('refuses %s', (xml, message) => {
    expect(ours([xml]).error).toContain(message);
    // saxes agrees that it is not well-formed — except for the DOCTYPE, which is well-formed XML that
    // statements are refused for having.
    if (!xml.startsWith('<!DOCTYPE')) expect(theirs(xml).error).toBeDefined();
  });
});
