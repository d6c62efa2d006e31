import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { analyzeCommand, type CommandIo } from './offline-analyze.command.ts';
import type { PublicFinding } from './core/public-finding.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = 'test/fixtures/compliance';
const reports = ['first.json', 'first-amended.json', 'final.json'].map((f) => `${root}${fixtures}/${f}`);
const args = [
  '--offline',
  '--profile',
  'kg-2021-parliament',
  '--election-day',
  '2021-11-28',
  '--registries',
  `${root}${fixtures}/registries`,
  '--registries-as-of',
  '2021-12-15',
  '--today',
  '2021-12-20',
  '--json',
  ...reports,
];

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIo = { stdout: (s) => (out += s), stderr: (s) => (err += s) };
  const code = await analyzeCommand(argv, io);
  return { code, out, err };
}

/** Every planted violation of the fixtures: rule → the lines it is found on. */
const PLANTED: Array<[string, string[]]> = [
  ['prohibited.foreign_state_or_entity', ['R-14']],
  ['prohibited.foreign_citizen', ['R-3']],
  ['prohibited.international_org', ['R-20']],
  ['prohibited.foreign_participation', ['R-15']],
  ['prohibited.stateless', ['R-4']],
  ['prohibited.state_body', ['R-23']],
  ['prohibited.state_share_with_preferences', ['R-16']],
  ['prohibited.military_unit', ['R-24']],
  ['prohibited.law_enforcement_or_court', ['R-25']],
  ['prohibited.charity', ['R-18']],
  ['prohibited.religious', ['R-19']],
  ['prohibited.anonymous', ['R-12']],
  ['prohibited.debtor', ['R-11']],
  ['prohibited.debtor', ['R-22']],
  ['donor.not_found', ['R-10']],
  ['donor.name_mismatch', ['R-7']],
  ['donor.minor', ['R-5']],
  ['donor.deceased', ['R-6']],
  ['donor.entity_not_active', ['R-21']],
  ['cap.individual', ['R-31']],
  ['timing.after_election_day', ['R-32']],
  ['channel.cash_not_allowed', ['R-9']],
  ['report.missing', []],
  ['pattern.new_payee', ['E-2']],
];

describe('talapker analyze --offline', () => {
  it('finds every planted violation in the fixtures, and nothing else', async () => {
    const { code, out, err } = await run(args);
    expect(code).toBe(0);
    expect(err).toContain('24 finding(s) for PP-0001 in parliament-2021');
    const { findings } = JSON.parse(out) as { findings: PublicFinding[] };
    expect(findings.map((f) => [f.rule, f.lineIds])).toEqual(PLANTED);
    const cap = findings.find((f) => f.rule === 'cap.individual');
    expect(cap).toMatchObject({
      excess: 1_000_000,
      remedy: { kind: 'return_excess', amount: 1_000_000 },
      status: 'open',
      donor: { type: 'individual', name: 'Toktogulova Chynara' },
    });
    // Refunded in full in the final report.
    expect(findings.find((f) => f.rule === 'prohibited.foreign_citizen')?.status).toBe('remedied');
    // The state enterprise of the first version was amended away.
    expect(findings.some((f) => f.rule === 'prohibited.state_institution')).toBe(false);
    expect(findings.find((f) => f.rule === 'report.missing')?.evidence).toMatchObject({
      reportKind: 'initial',
      electionClosed: true,
    });
  });

  it('prints no PIN unless asked for the commission’s shape, and the same findings on every run', async () => {
    const first = await run(args);
    const second = await run(args);
    expect(second.out).toBe(first.out);
    expect(first.out).not.toMatch(/"[12]\d{13}"/);
    const withIds = await run([...args, '--with-identifiers']);
    expect(withIds.out).toContain('"identifier": "11203198500011"');
  });

  it('explains its arguments', async () => {
    const missing = await run(['--offline', '--profile', 'kg-2021-parliament']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('usage: talapker analyze');
    const unknown = await run(args.map((a) => (a === 'kg-2021-parliament' ? 'kg-1999' : a)));
    expect(unknown.err).toContain('unknown profile');
  });

  it('refuses a file that is not a filing, and one that is not there', async () => {
    const bad = await run([...args.slice(0, -3), `${root}${fixtures}/registries/persons.csv`]);
    expect(bad.code).toBe(1);
    const notFound = await run([...args.slice(0, -3), `${root}${fixtures}/nope.json`]);
    expect(notFound.code).toBe(1);
  });

  it('runs as `talapker analyze` and prints the findings JSON', async () => {
    const { stdout } = await promisify(execFile)('node', ['bin/talapker.js', 'analyze', ...args], { cwd: root });
    const { findings } = JSON.parse(stdout) as { findings: PublicFinding[] };
    expect(findings).toHaveLength(PLANTED.length);
  });
});
