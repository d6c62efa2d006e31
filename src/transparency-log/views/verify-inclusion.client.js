// Checks, in the browser, that each leaf on the page is in the log: fetches the current checkpoint and
// the inclusion proof, hashes as RFC 9162 2.1.3.2 says with Web Crypto, and compares the root it reaches
// with the checkpoint's. Where Ed25519 is in Web Crypto, the checkpoint's signature is checked too.
(function () {
  'use strict';
  const enc = new TextEncoder();
  const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const sha256 = async (...parts) => {
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
      all.set(p, o);
      o += p.length;
    }
    return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  };
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  async function rootFromProof(index, size, leafHash, proof) {
    let fn = index;
    let sn = size - 1;
    let r = leafHash;
    for (const p of proof) {
      if (sn === 0) return null;
      if (fn % 2 === 1 || fn === sn) {
        r = await sha256(Uint8Array.of(1), p, r);
        if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) ((fn = Math.floor(fn / 2)), (sn = Math.floor(sn / 2)));
      } else {
        r = await sha256(Uint8Array.of(1), r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 ? r : null;
  }

  /** 'yes', 'no', or 'unsupported' when the browser has no Ed25519. */
  async function signatureOk(note, vkey) {
    const [name, , keyB64] = vkey.trim().split('+');
    const key = b64(keyB64).slice(1);
    const split = note.lastIndexOf('\n\n');
    const text = note.slice(0, split + 1);
    const line = note
      .slice(split + 2)
      .split('\n')
      .find((s) => s.startsWith('\u2014 ' + name + ' '));
    if (!line) return 'no';
    const sig = b64(line.split(' ')[2]).slice(4);
    try {
      const k = await crypto.subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']);
      return (await crypto.subtle.verify({ name: 'Ed25519' }, k, sig, enc.encode(text))) ? 'yes' : 'no';
    } catch {
      return 'unsupported';
    }
  }

  async function run() {
    const cells = document.querySelectorAll('[data-log-index]');
    if (cells.length === 0) return;
    const [note, vkey] = await Promise.all([
      fetch('/log/checkpoint').then((r) => r.text()),
      fetch('/log/key').then((r) => r.text()),
    ]);
    const lines = note.split('\n');
    const size = Number(lines[1]);
    const root = b64(lines[2]);
    const signed = await signatureOk(note, vkey);
    for (const cell of cells) {
      const index = Number(cell.getAttribute('data-log-index'));
      const leaf = b64(cell.getAttribute('data-log-leaf'));
      const res = await fetch('/api/v1/log/proof/inclusion?index=' + index + '&treeSize=' + size);
      const proof = (await res.json()).hashes.map(b64);
      const reached = await rootFromProof(index, size, await sha256(Uint8Array.of(0), leaf), proof);
      const ok = reached !== null && same(reached, root) && signed !== 'no';
      cell.textContent =
        (ok ? '\u2713 ' : '\u2717 ') +
        'tree ' +
        size +
        ', root ' +
        lines[2] +
        (signed === 'yes' ? ', signature \u2713' : signed === 'no' ? ', signature \u2717' : '');
    }
  }
  document.addEventListener('DOMContentLoaded', () => {
    run().catch((e) => {
      for (const cell of document.querySelectorAll('[data-log-index]')) cell.textContent = String(e);
    });
  });
})();
