// The demo's findings are exactly its planted cases: every planted violation is found (the report-side
// ones of the finance demo, the bank's differences, and the registry-side ones of the compliance demo),
// and nothing else above a notice, so that the commission's screen shows what the demo means to show.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDemoApp } from '../support/demo-template.ts';
import type { AppContext } from '../../src/platform/app-context.ts';

const PLANTED_2020 = [
  'bank.amount_mismatch',
  'bank.unreported',
  'bank.unsupported',
  'cap.individual',
  'cap.individual',
  'channel.cash_not_allowed',
  'donor.deceased',
  'donor.entity_not_active',
  'donor.minor',
  'donor.name_mismatch',
  'prohibited.charity',
  'prohibited.debtor',
  'prohibited.foreign_citizen',
  'prohibited.foreign_participation',
  'prohibited.foreign_state_or_entity',
  'prohibited.international_org',
  'prohibited.military_unit',
  'prohibited.religious',
  'prohibited.state_institution',
  'prohibited.state_share_with_preferences',
  'report.late',
  'report.missing',
];

let ctx: AppContext;
beforeAll(async () => {
  ({ ctx } = await openDemoApp());
}, 180_000);
afterAll(async () => ctx?.db.destroy());

it('finds every planted case of the demo and nothing else above a notice', async () => {
  const rows = await ctx.db
    .selectFrom('compliance_findings')
    .select(['election_id', 'rule', 'severity', 'status'])
    .where('severity', '!=', 'notice')
    .execute();
  const of = (election: string) =>
    rows
      .filter((r) => r.election_id === election)
      .map((r) => r.rule)
      .sort();
  expect(of('kg-2020-parliament')).toEqual(PLANTED_2020);
  expect(of('kg-2021-parliament')).toEqual(['prohibited.stateless']);
  // The donation over the cap whose excess the party returned is remedied; the others await review.
  expect(rows.filter((r) => r.status === 'remedied').map((r) => r.rule)).toEqual(['cap.individual']);
  expect(rows.filter((r) => r.status !== 'remedied').every((r) => r.status === 'open')).toBe(true);
});

it('records the registry snapshots each finding that used one was made against', async () => {
  const snapshots = await ctx.db.selectFrom('registry_snapshots').select(['id', 'kind', 'as_of']).execute();
  expect(snapshots.map((s) => s.kind).sort()).toEqual(['arrears', 'entities', 'persons', 'state-bodies']);
  const foreign = await ctx.db
    .selectFrom('compliance_findings')
    .select('snapshot_ids_json')
    .where('rule', '=', 'prohibited.foreign_citizen')
    .executeTakeFirstOrThrow();
  const persons = snapshots.find((s) => s.kind === 'persons');
  expect(JSON.parse(foreign.snapshot_ids_json)).toContain(String(persons?.id));
});
