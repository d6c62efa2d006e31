// Loads the synthetic demo (real 2020/2021 party names and dates, synthetic people and money)
// into an empty database through the same services the commission uses, so the demo exercises
// the real write paths and leaves a real activity log.
import type { AppContext } from '../platform/app-context.ts';
import { createElection } from '../elections/index.ts';
import { findParty, registerParty, updateParty } from '../parties/index.ts';
import { insertCheckedCandidates } from '../candidates/index.ts';
import { attachProgramme, findProgramme } from '../programmes/index.ts';
import { storeBlob } from '../platform/blobs/blob.service.ts';
import { buildDemoDataset } from './demo-dataset.ts';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../platform/result.ts';
import type { Capability } from '../platform/capability.ts';

const ACTOR = 'demo-loader';

function fail(what: string, problems: Problem[]): never {
  throw new Error(`demo data is inconsistent (${what}): ${problems.map((p) => p.message).join('; ')}`);
}

/**
 * Loads the base demo, then each capability's `demo` hook in the order of `capabilities` (lottery draws,
 * finance reports, the bank statements made from the same money…).
 */
export async function loadDemo(
  ctx: AppContext,
  capabilities: readonly Capability[],
  progress: (step: string) => void = () => undefined,
): Promise<{ loaded: boolean; summary: string }> {
  const any = await ctx.db.selectFrom('elections').select('id').executeTakeFirst();
  if (any) return { loaded: false, summary: 'database not empty' };
  const data = buildDemoDataset();
  const logoByParty = new Map(data.logos.map((l) => [l.partyRegistrationNumber, l.svg]));
  const partyByReg = new Map(data.parties.map((p) => [p.registrationNumber, p]));

  for (const e of data.elections) {
    const r = await createElection(ctx, e, ACTOR);
    if (!r.ok) fail(`election ${e.id}`, r.error);
  }
  for (const pa of data.participations) {
    const party = partyByReg.get(pa.partyRegistrationNumber);
    if (!party) throw new Error(`demo participation without party ${pa.partyRegistrationNumber}`);
    const r = await registerParty(ctx, { electionId: pa.electionId, party, ballotNumber: pa.ballotNumber }, ACTOR);
    if (!r.ok) fail(`party ${party.registrationNumber}`, r.error);
  }
  // Logos last: registering a party again for a later election rewrites its record.
  for (const party of data.parties) {
    const svg = logoByParty.get(party.registrationNumber);
    const current = await findParty(ctx.db, party.registrationNumber);
    if (!svg || !current) continue;
    const blob = await storeBlob(ctx, Buffer.from(svg, 'utf8'), {
      originalName: 'logo.svg',
      allowed: ['image/svg+xml'],
    });
    if (!blob.ok) fail('logo', blob.error);
    await updateParty(ctx.db, { ...current, logoBlobKey: blob.value.sha256 }, ctx.now().toISOString());
  }
  const byElection = new Map<string, typeof data.candidates>();
  for (const c of data.candidates) {
    const list = byElection.get(c.electionId) ?? [];
    list.push(c);
    byElection.set(c.electionId, list);
  }
  for (const list of byElection.values()) await insertCheckedCandidates(ctx, list, ACTOR);

  for (const p of data.programmes) {
    const r = await attachProgramme(
      ctx,
      { electionId: p.electionId, partyRegistrationNumber: p.partyRegistrationNumber, text: p.text },
      ACTOR,
    );
    if (!r.ok) fail(`programme ${p.partyRegistrationNumber}`, r.error);
  }
  const extra: string[] = [];
  progress(
    `${data.elections.length} elections, ${data.participations.length} parties, ${data.candidates.length} candidates`,
  );
  for (const c of capabilities) {
    if (!c.demo) continue;
    extra.push(await c.demo(ctx));
    progress(extra[extra.length - 1] ?? c.name);
  }
  const summary = `${data.elections.length} elections, ${data.participations.length} party registrations, ${data.candidates.length} candidates${extra.length ? `; ${extra.join('; ')}` : ''}`;
  return { loaded: true, summary };
}

/**
 * Renders the programmes' "original PDFs" and attaches them. Typesetting ~30 PDFs with an
 * embedded Cyrillic font takes seconds of CPU each, so it runs in a worker thread and `serve`
 * starts it after it listens; the party page shows the PDF link once that party's file is in.
 */
export async function attachDemoProgrammePdfs(ctx: AppContext): Promise<number> {
  const data = buildDemoDataset();
  const wanted: Array<{ electionId: string; partyRegistrationNumber: string }> = [];
  for (const p of data.programmes) {
    const current = await findProgramme(ctx.db, p.electionId, p.partyRegistrationNumber);
    if (current && !current.pdfBlobKey)
      wanted.push({ electionId: p.electionId, partyRegistrationNumber: p.partyRegistrationNumber });
  }
  if (wanted.length === 0) return 0;
  const worker = new Worker(new URL('./programme-pdf.worker.js', import.meta.url));
  let n = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let chain = Promise.resolve();
      worker.on('error', reject);
      worker.on(
        'message',
        (m: { done?: true; electionId: string; partyRegistrationNumber: string; pdf: Uint8Array }) => {
          chain = chain.then(async () => {
            if (m.done) return resolve();
            const current = await findProgramme(ctx.db, m.electionId, m.partyRegistrationNumber);
            if (!current) return;
            const r = await attachProgramme(ctx, { ...m, text: current.text, pdf: Buffer.from(m.pdf) }, ACTOR);
            if (!r.ok) return reject(new Error(r.error.map((x) => x.message).join('; ')));
            n++;
          }, reject);
        },
      );
      worker.postMessage(wanted);
    });
  } finally {
    await worker.terminate();
  }
  return n;
}
