import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formValues, parseForm, parseParams } from './form.ts';

const schema = z.object({
  name: z.string().min(2),
  note: z.string().max(5).optional(),
  amount: z.coerce.number().int().positive(),
  tags: z.array(z.string()).default([]),
  kind: z.enum(['a', 'b']).default('a'),
});

describe('parseForm', () => {
  it('reads a URL-encoded body into typed values', () => {
    const r = parseForm(schema, { name: 'Ab', note: '', amount: '12', tags: 'x', kind: '' });
    expect(r).toEqual({ ok: true, value: { name: 'Ab', amount: 12, tags: ['x'], kind: 'a' } });
  });

  it('takes the first of repeated values for a single field, keeps arrays for an array field', () => {
    const r = parseForm(schema, { name: ['Abc', 'Zz'], amount: '1', tags: ['x', 'y'] });
    expect(r.ok && r.value).toMatchObject({ name: 'Abc', tags: ['x', 'y'] });
  });

  it('says which field is wrong, and that a required one is missing', () => {
    const r = parseForm(schema, { name: 'A', note: 'too long', amount: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byField = Object.fromEntries(r.error.map((p) => [p.field, p.code]));
    expect(byField).toEqual({ name: 'form.too_small', note: 'form.too_big', amount: 'form.too_small' });
    const missing = parseForm(z.object({ name: z.string() }), {});
    expect(!missing.ok && missing.error[0]).toMatchObject({ field: 'name', code: 'form.required' });
    expect(!r.ok && r.error.find((p) => p.field === 'name')?.params).toMatchObject({ minimum: 2 });
  });

  it('names nested fields by their path', () => {
    const r = parseForm(z.object({ rows: z.array(z.object({ date: z.iso.date() })) }), { rows: [{ date: 'x' }] });
    expect(!r.ok && r.error[0]?.field).toBe('rows[0].date');
  });

  it('treats a body that is not an object as empty', () => {
    expect(parseForm(z.object({ a: z.string().optional() }), undefined)).toEqual({ ok: true, value: {} });
  });
});

describe('parseParams', () => {
  it('reads route params and queries with coercion', () => {
    const r = parseParams(z.object({ filingId: z.coerce.number().int().positive(), q: z.string().optional() }), {
      filingId: '42',
      q: '',
    });
    expect(r).toEqual({ ok: true, value: { filingId: 42 } });
    expect(parseParams(z.object({ filingId: z.string().regex(/^[1-9]\d*$/) }), { filingId: '0' }).ok).toBe(false);
  });
});

describe('formValues', () => {
  it('keeps what was typed, first values only', () => {
    expect(formValues({ a: 'x', b: ['y', 'z'], c: 3 })).toEqual({ a: 'x', b: 'y' });
  });
});
