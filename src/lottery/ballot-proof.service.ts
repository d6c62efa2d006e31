// The ballot proof of a drawn draw: the parties in the drawn ballot order with their Kyrgyz and
// Russian names and logos (PNG, JPEG or SVG), and the "Against all" line at the number the draw gave it.
import type { AppContext } from '../platform/app-context.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import type { Party } from '../domain/election.ts';
import { findElection, findRulesProfileById } from '../elections/index.ts';
import { findParty } from '../parties/index.ts';
import { findBlobMeta } from '../platform/blobs/blob.service.ts';
import { againstAllLine } from './core/ballot-order.ts';
import { findDraw } from './lottery.repository.ts';
import { renderBallotProof, type BallotProofLine, type ProofLogo } from './ballot-proof.pdf.ts';
import { isDrawn, notFoundProblem, type DrawnDraw } from './ceremony.service.ts';

export type ProofSize = 'A4' | 'A3';

export async function ballotProofOf(
  ctx: AppContext,
  drawId: number,
  size: ProofSize,
): Promise<Result<{ pdf: Buffer; draw: DrawnDraw }>> {
  const draw = await findDraw(ctx.db, drawId);
  if (!draw) return err([notFoundProblem('draw', drawId)]);
  if (!isDrawn(draw))
    return err([
      problem('lottery.not_drawn', `Draw ${drawId} has not been drawn yet; there is no ballot order to show.`),
    ]);
  const record = draw.record;
  const election = await findElection(ctx.db, draw.electionId);
  const profile = election && (await findRulesProfileById(ctx.db, election.rulesProfileId));
  if (!election || !profile) {
    return err([notFoundProblem('election', draw.electionId)]);
  }
  const againstAll = againstAllLine(profile, record);
  if (!againstAll)
    return err([
      problem(
        'lottery.proof_needs_against_all',
        'The ballot proof needs an "Against all" line, and this draw has none.',
      ),
    ]);

  const names = new Map(draw.participants.map((p) => [p.id, p.name]));
  const lines: BallotProofLine[] = [];
  for (const b of record.ballotNumbers) {
    const party = await findParty(ctx.db, b.id);
    lines.push({
      ballotNumber: b.ballotNumber,
      // A party record that has gone since the freeze still prints, under its frozen name.
      nameKy: party?.name.ky ?? names.get(b.id) ?? b.id,
      nameRu: party?.name.ru ?? '',
      ...(party ? await proofLogo(ctx, party) : {}),
    });
  }
  const pdf = await renderBallotProof({
    electionTitle: { ky: election.name.ky, ru: election.name.ru },
    electionDate: election.electionDay,
    size,
    lines,
    againstAll,
    producedAt: new Date(record.drawnAt),
    ...(draw.illustration ? { illustration: { ky: draw.illustration.ky, ru: draw.illustration.ru } } : {}),
  });
  return ok({ pdf, draw });
}

const RASTER_LOGOS = new Set(['image/png', 'image/jpeg']);

/** The party's logo in the form the proof draws it; none when there is no logo of a kind it can draw. */
async function proofLogo(ctx: AppContext, party: Party): Promise<{ logo?: ProofLogo }> {
  if (!party.logoBlobKey) return {};
  const meta = await findBlobMeta(ctx, party.logoBlobKey);
  const type = meta?.media_type ?? '';
  if (!RASTER_LOGOS.has(type) && type !== 'image/svg+xml') return {};
  const bytes = await ctx.blobs.getBuffer(party.logoBlobKey);
  if (!bytes) return {};
  return { logo: type === 'image/svg+xml' ? { kind: 'svg', text: bytes.toString('utf8') } : { kind: 'raster', bytes } };
}
