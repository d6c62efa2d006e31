// The capability list is the only place a capability is wired in: one left out would silently lose its
// pages, API, demo and staff links.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from './capabilities.ts';

const SRC = new URL('.', import.meta.url);

describe('the capability list', () => {
  it('holds every capability folder that declares one, once', () => {
    const declared = readdirSync(SRC, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/index.ts`, SRC)))
      .flatMap((d) => {
        const text = readFileSync(new URL(`${d.name}/index.ts`, SRC), 'utf8');
        return [...text.matchAll(/name: '([a-z-]+)'/g)].map((m) => m[1]).slice(0, /: Capability = /.test(text) ? 1 : 0);
      });
    const listed = CAPABILITIES.map((c) => c.name);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...declared].sort());
  });

  it('orders the page sections by their own order, whatever the list order', () => {
    const orders = CAPABILITIES.flatMap((c) => (c.sections ? [c.sections.order] : []));
    expect(new Set(orders).size).toBe(orders.length);
  });
});
