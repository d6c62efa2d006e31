import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { LineSplitter, decodeBytes, decodeStream, detectEncoding } from './text-decoding.ts';

describe('encodings', () => {
  const samples: [string, string][] = [
    ['windows-1251', 'Избирательный фонд политической партии, пожертвование гражданина'],
    ['windows-1252', 'Überweisung für Jürgen Groß, Rückzahlung'],
    ['windows-1250', 'Przelew środków, zapłata za fakturę, Łódź'],
    ['cp852', 'Csoportos átutalás jóváírása, összevont utánvét'],
    ['cp866', 'Избирательный фонд политической партии'],
  ];
  it.each(samples)('recognises %s', (encoding, text) => {
    const bytes = iconv.encode(`:86:${text}\r\n`, encoding);
    expect(detectEncoding(bytes).encoding).toBe(encoding);
    expect(decodeBytes(bytes).text).toBe(`:86:${text}\r\n`);
  });

  it('takes valid UTF-8 as UTF-8 and honours byte-order marks', () => {
    expect(detectEncoding(Buffer.from('Өмүрбеков', 'utf8')).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.from('plain ascii')).encoding).toBe('utf-8');
    expect(decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Фонд', 'utf16le')])).text).toBe('Фонд');
  });

  it('decodes a stream whose multi-byte characters are split between chunks', async () => {
    const bytes = Buffer.from('Шайлоо фонду — Жаңыл', 'utf8');
    const chunks = Array.from(bytes, (b) => Uint8Array.of(b));
    let text = '';
    for await (const s of decodeStream(chunks)) text += s;
    expect(text).toBe('Шайлоо фонду — Жаңыл');
    let win = '';
    for await (const s of decodeStream([iconv.encode('Фонд партии', 'windows-1251')])) win += s;
    expect(win).toBe('Фонд партии');
  });
});

describe('lines', () => {
  it('splits LF, CRLF and CR, also when CRLF straddles two chunks', () => {
    const s = new LineSplitter();
    expect([...s.push('a\r'), ...s.push('\nb\nc\rd'), ...s.push('\r\n'), ...s.end()]).toEqual(['a', 'b', 'c', 'd']);
  });

  it('cuts a line that never ends', () => {
    const s = new LineSplitter(10);
    expect(s.push('x'.repeat(25))).toEqual(['x'.repeat(10), 'x'.repeat(10)]);
    expect(s.end()).toEqual(['x'.repeat(5)]);
  });
});
