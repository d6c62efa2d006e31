// The page of candidates written by hand against the API's own serializer for the route's schema:
// the same bytes for any candidates and pagination, on first writing and from the kept parts.
import fc from 'fast-check';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import type { PublicCandidate } from '../../domain/election.ts';
import { Memo } from '../../platform/memo.ts';
import { CandidatePage, candidatePageJson, toCandidateResource } from './candidate.schemas.ts';

const isoDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const candidate: fc.Arbitrary<PublicCandidate> = fc.record({
  id: fc.integer({ min: 1, max: 2 ** 31 }),
  electionId: fc.string(),
  partyRegistrationNumber: fc.string(),
  listPosition: fc.integer({ min: 1, max: 500 }),
  nameKy: fc.string({ unit: 'grapheme' }),
  nameRu: fc.string({ unit: 'binary' }),
  nameLatin: fc.string(),
  birthDate: isoDay,
  sex: fc.constantFrom('female' as const, 'male' as const),
  occupation: fc.string({ unit: 'binary' }),
  placeOfResidence: fc.string(),
  ethnicMinority: fc.boolean(),
  disability: fc.boolean(),
  status: fc.constantFrom('registered' as const, 'withdrawn' as const, 'deregistered' as const),
  withdrawnOn: fc.option(isoDay, { nil: null }),
});

const pagination = fc.record({
  limit: fc.integer({ min: 1, max: 500 }),
  nextCursor: fc.option(fc.string({ minLength: 1 }), { nil: null }),
  next: fc.option(fc.string(), { nil: null }),
});

describe('candidate page JSON', () => {
  const serialize = serializerCompiler({ schema: CandidatePage, method: 'GET', url: '/' }) as (data: unknown) => string;

  it('is byte for byte what the route serializer writes, first time and from the kept parts', () => {
    const memo = new Memo();
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 12 }), pagination, (data, page) => {
        const expected = serialize({ data: data.map(toCandidateResource), pagination: page });
        expect(candidatePageJson(memo, data, page)).toBe(expected);
        expect(candidatePageJson(memo, data, page)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses, as the serializer does, a candidate the schema does not allow', () => {
    const bad = { ...fc.sample(candidate, 1)[0]!, birthDate: '1990-02-30' };
    expect(() =>
      serialize({ data: [toCandidateResource(bad)], pagination: { limit: 1, nextCursor: null, next: null } }),
    ).toThrow();
    expect(() => candidatePageJson(new Memo(), [bad], { limit: 1, nextCursor: null, next: null })).toThrow();
  });
});
