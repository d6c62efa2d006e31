import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { testCandidates, testElection, testParty } from '../../test/support/portal-fixture.ts';
import type { AppContext } from '../platform/app-context.ts';
import { loadConfig } from '../platform/config.ts';
import { ensureBuiltInRulesProfiles, createElection } from '../elections/index.ts';
import { registerParty } from '../parties/index.ts';
import { importCandidateList } from './candidate.service.ts';
import { CANDIDATE_IMPORT_COLUMNS } from '../domain/candidate-columns.ts';
import type { Candidate } from '../domain/election.ts';
import { EventBus } from '../platform/event-bus.ts';
import { Memo } from '../platform/memo.ts';

function toCsv(cs: Candidate[]): string {
  const rows = cs.map((c) =>
    [
      c.listPosition,
      c.nameKy,
      c.nameRu,
      c.nameLatin,
      c.birthDate,
      c.sex,
      c.occupation,
      c.placeOfResidence,
      c.ethnicMinority ? 'yes' : 'no',
      c.disability ? 'yes' : 'no',
      c.pin,
    ].join(','),
  );
  return [CANDIDATE_IMPORT_COLUMNS.join(','), ...rows].join('\n');
}

async function counts(ctx: AppContext) {
  const c = await ctx.db
    .selectFrom('candidates')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const a = await ctx.db
    .selectFrom('activity_log')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { candidates: Number(c.n), activity: Number(a.n) };
}

describeEachDatabase('candidate list import', (get) => {
  const ctx = (): AppContext => ({
    db: get().db,
    blobs: null as never,
    config: loadConfig({}),
    now: () => new Date('2030-09-10T10:00:00Z'),
    events: new EventBus(),
    memo: new Memo(),
  });
  const other = { ...testParty, registrationNumber: 'T-002', name: { ky: 'Экинчи', ru: 'Вторая', en: 'Second' } };

  it('imports a valid list from CSV', async () => {
    await ensureBuiltInRulesProfiles(ctx());
    await createElection(ctx(), testElection, 'test');
    await registerParty(ctx(), { electionId: testElection.id, party: testParty }, 'test');
    await registerParty(ctx(), { electionId: testElection.id, party: other }, 'test');
    const r = await importCandidateList(ctx(), {
      electionId: testElection.id,
      partyRegistrationNumber: testParty.registrationNumber,
      file: Buffer.from(`\ufeff${toCsv(testCandidates(150))}`),
      format: 'csv',
      actor: 'cec:test',
    });
    expect(r.ok ? r.value.imported : r.error).toBe(150);
  });

  it('refuses a list with bad rows whole, naming every row and column, and changes nothing', async () => {
    const before = await counts(ctx());
    const list = testCandidates(150, { party: other.registrationNumber }).map((c) => ({
      ...c,
      pin: `9${c.pin.slice(1)}`,
    }));
    const lines = toCsv(list).split('\n');
    lines[5] = lines[5]!.replace(/,\d{4}-\d{2}-\d{2},/, ',1990-02-30,'); // row 6: impossible date
    lines[9] = lines[9]!.replace(/,(female|male),/, ',unknown,'); // row 10: bad sex
    lines[12] = lines[12]!.replace(/,\d{14}$/, ',12345'); // row 13: short PIN
    const r = await importCandidateList(ctx(), {
      electionId: testElection.id,
      partyRegistrationNumber: other.registrationNumber,
      file: Buffer.from(lines.join('\n')),
      format: 'csv',
      actor: 'cec:test',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const where = r.error.map((p) => `${p.row}:${p.field}`);
    expect(where).toEqual(expect.arrayContaining(['6:birth_date', '10:sex', '13:pin']));
    expect(r.error.find((p) => p.row === 6)!.message).toMatch(/Row 6, column "birth_date"/);
    expect(await counts(ctx())).toEqual(before);
  });

  it('refuses a person who is already on another list of the election', async () => {
    const before = await counts(ctx());
    const list = testCandidates(150, { party: other.registrationNumber });
    const r = await importCandidateList(ctx(), {
      electionId: testElection.id,
      partyRegistrationNumber: other.registrationNumber,
      file: Buffer.from(toCsv(list)),
      format: 'csv',
      actor: 'cec:test',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.code).toBe('import.pin_on_other_list');
    expect(await counts(ctx())).toEqual(before);
  });

  it('refuses a list that breaks the quota rules', async () => {
    const list = testCandidates(150, { party: other.registrationNumber })
      .map((c) => ({
        ...c,
        pin:
          `2${c.pin.slice(1)}`.replace(/^2/, c.sex === 'female' ? '1' : '2').slice(0, 9) +
          String(50000 + c.listPosition).slice(-5),
      }))
      .map((c) => ({ ...c, sex: 'male' as const }));
    const r = await importCandidateList(ctx(), {
      electionId: testElection.id,
      partyRegistrationNumber: other.registrationNumber,
      file: Buffer.from(toCsv(list)),
      format: 'csv',
      actor: 'cec:test',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((p) => p.code)).toContain('list_rule.max-share-one-sex');
  });
});
