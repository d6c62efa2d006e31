// The ballot proof of a drawn draw: the parties in the drawn ballot order with their Kyrgyz and
// Russian names (and PNG logos), and the "Against all" line at the number the draw gave it.
import type { AppContext } from '../platform/app-context.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import type { Party } from '../domain/election.ts';
import { findElection, findRulesProfileById } from '../elections/index.ts';
import { findParty } from '../parties/index.ts';
import { findBlobMeta } from '../platform/blobs/blob.service.ts';
import { againstAllLine } from './core/ballot-order.ts';
import { findDraw } from './lottery.repository.ts';
import { renderBallotProof, type BallotProofLine } from './ballot-proof.pdf.ts';
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
      ...(party ? await pngLogo(ctx, party) : {}),
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

/** The party's logo when it is a PNG; the proof renderer takes no SVG, so those are left out. */
async function pngLogo(ctx: AppContext, party: Party): Promise<{ logoPng?: Buffer }> {
  if (!party.logoBlobKey) return {};
  const meta = await findBlobMeta(ctx, party.logoBlobKey);
  if (meta?.media_type !== 'image/png') return {};
  const bytes = await ctx.blobs.getBuffer(party.logoBlobKey);
  return bytes ? { logoPng: bytes } : {};
}
