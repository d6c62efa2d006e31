import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  formatCheckpoint,
  formatVerifierKey,
  openNote,
  parseCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  signerKeyOfSeed,
} from './note.ts';
import { canonicalJson } from './jcs.ts';

// The example key pair and note of golang.org/x/mod/sumdb/note (note_test.go: TestSign, TestOpen).
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const NOTE = `${TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const must = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error('expected ok');
  return r.value;
};

describe('signed notes against the Go reference example', () => {
  it('reads the keys and derives the same key hash and verifier key', () => {
    const v = must(parseVerifierKey(VKEY));
    expect(v.name).toBe('PeterNeumann');
    expect(v.keyHash.toString(16)).toBe('c74f20a3');
    const s = must(parseSignerKey(SKEY));
    expect(formatVerifierKey(s.name, s.publicKey)).toBe(VKEY);
  });

  it('signs the text to the reference note byte for byte', () => {
    expect(must(signNote(TEXT, must(parseSignerKey(SKEY))))).toBe(NOTE);
  });

  it('opens the reference note and refuses a changed one', () => {
    const v = must(parseVerifierKey(VKEY));
    expect(must(openNote(NOTE, [v])).text).toBe(TEXT);
    expect(openNote(NOTE.replace('cryptography', 'cryptographY'), [v]).ok).toBe(false);
    expect(openNote(NOTE.replace('x08go', 'x08gp'), [v]).ok).toBe(false);
    expect(openNote(NOTE, []).ok).toBe(false);
    expect(openNote(TEXT, [v]).ok).toBe(false);
    expect(openNote(`\x01${NOTE}`, [v]).ok).toBe(false);
  });

  it('refuses mangled verifier keys', () => {
    for (let i = 0; i < VKEY.length; i++) {
      const b = Buffer.from(VKEY);
      b[i] = (b[i] as number) + 1;
      expect(parseVerifierKey(b.toString()).ok).toBe(false);
    }
    expect(parseVerifierKey(VKEY.slice(0, -1)).ok).toBe(false);
  });

  it('round-trips a checkpoint signed with a fresh key', () => {
    const key = signerKeyOfSeed('talapker.example/log', randomBytes(32));
    const body = formatCheckpoint({ origin: key.name, size: 8, root: new Uint8Array(32).fill(7) });
    const note = must(signNote(body, key));
    const opened = must(openNote(note, [must(parseVerifierKey(formatVerifierKey(key.name, key.publicKey)))]));
    const cp = must(parseCheckpoint(opened.text));
    expect(cp).toMatchObject({ origin: 'talapker.example/log', size: 8 });
    expect(parseCheckpoint('origin\n08\nAAAA\n').ok).toBe(false);
  });
});

describe('RFC 8785 canonical JSON', () => {
  it('matches the example of section 3.2.2', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts member names by UTF-16 code units (section 3.2.3)', () => {
    const input = { '\u20ac': 1, '\r': 2, '\ufb33': 3, '1': 4, '\ud83d\ude00': 5, '\u0080': 6, '\u00f6': 7 };
    expect(Object.keys(JSON.parse(canonicalJson(input)))).toEqual([
      '1',
      '\r',
      '\u0080',
      '\u00f6',
      '\u20ac',
      '\ud83d\ude00',
      '\ufb33',
    ]);
    expect(canonicalJson(input).indexOf('\\r')).toBeLessThan(canonicalJson(input).indexOf('"1"'));
  });
});
