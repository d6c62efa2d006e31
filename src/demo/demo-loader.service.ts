// Loads the synthetic demo (real 2020/2021 party names and dates, synthetic people and money)
// into an empty database through the same services the commission uses, so the demo exercises
// the real write paths and leaves a real activity log.
import type { AppContext } from '../platform/app-context.ts';
import { createElection, registerParty } from '../elections/election.service.ts';
import { insertCheckedCandidates } from '../candidates/candidate.service.ts';
import { attachProgramme } from '../programmes/programme.service.ts';
import { storeBlob } from '../platform/blobs/blob.service.ts';
import { findParty, updateParty } from '../parties/party.repository.ts';
import { buildDemoDataset } from './demo-dataset.ts';
import { renderProgrammePdf } from './programmes.ts';
import type { Problem } from '../platform/result.ts';

const ACTOR = 'demo-loader';

/** Extra demo content from other capabilities (lottery draws, finance reports, statements). */
export type DemoExtension = (ctx: AppContext) => Promise<string>;
const extensions: DemoExtension[] = [];
export function addDemoExtension(x: DemoExtension): void {
  extensions.push(x);
}

function fail(what: string, problems: Problem[]): never {
  throw new Error(`demo data is inconsistent (${what}): ${problems.map((p) => p.message).join('; ')}`);
}

export async function loadDemo(ctx: AppContext): Promise<{ loaded: boolean; summary: string }> {
  const any = await ctx.db.selectFrom('elections').select('id').executeTakeFirst();
  if (any) return { loaded: false, summary: 'database not empty' };
  const data = buildDemoDataset();
  const logoByParty = new Map(data.logos.map((l) => [l.partyRegistrationNumber, l.svg]));
  const partyByReg = new Map(data.parties.map((p) => [p.registrationNumber, p]));

  for (const e of data.elections) {
    const r = await createElection(ctx, e, ACTOR);
    if (!r.ok) fail(`election ${e.id}`, r.error);
  }
  const logoDone = new Set<string>();
  for (const pa of data.participations) {
    const party = partyByReg.get(pa.partyRegistrationNumber);
    if (!party) throw new Error(`demo participation without party ${pa.partyRegistrationNumber}`);
    const r = await registerParty(ctx, { electionId: pa.electionId, party, ballotNumber: pa.ballotNumber }, ACTOR);
    if (!r.ok) fail(`party ${party.registrationNumber}`, r.error);
    const svg = logoByParty.get(party.registrationNumber);
    if (svg && !logoDone.has(party.registrationNumber)) {
      logoDone.add(party.registrationNumber);
      const blob = await storeBlob(ctx, Buffer.from(svg, 'utf8'), { originalName: 'logo.svg', allowed: ['image/svg+xml'] });
      if (!blob.ok) fail('logo', blob.error);
      const current = await findParty(ctx.db, party.registrationNumber);
      if (current) await updateParty(ctx.db, { ...current, logoBlobKey: blob.value.sha256 }, ctx.now().toISOString());
    }
  }
  const byElection = new Map<string, typeof data.candidates>();
  for (const c of data.candidates) {
    const list = byElection.get(c.electionId) ?? [];
    list.push(c);
    byElection.set(c.electionId, list);
  }
  for (const list of byElection.values()) await insertCheckedCandidates(ctx, list, ACTOR);

  for (const p of data.programmes) {
    const party = partyByReg.get(p.partyRegistrationNumber)!;
    const pdf = await renderProgrammePdf(p, party);
    const r = await attachProgramme(ctx, { electionId: p.electionId, partyRegistrationNumber: p.partyRegistrationNumber, text: p.text, pdf }, ACTOR);
    if (!r.ok) fail(`programme ${p.partyRegistrationNumber}`, r.error);
  }
  const extra: string[] = [];
  for (const x of extensions) extra.push(await x(ctx));
  const summary = `${data.elections.length} elections, ${data.participations.length} party registrations, ${data.candidates.length} candidates${extra.length ? `; ${extra.join('; ')}` : ''}`;
  return { loaded: true, summary };
}
