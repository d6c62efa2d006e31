// Party programmes: reading them, and attaching one (text per language and the original PDF, kept as
// a blob). Every attachment writes the activity log.
import type { AppContext } from '../platform/app-context.ts';
import { recordActivity } from '../platform/activity-log.ts';
import { err, ok, problem, type Result } from '../platform/result.ts';
import type { Localized, Programme } from '../domain/election.ts';
import { getParticipation } from '../parties/index.ts';
import { heldWhileDataStays } from '../platform/data-version.ts';
import { findProgramme, listProgrammeTexts, programmesOf, upsertProgramme } from './programme.repository.ts';
import { findInTexts, searchableTexts, type ProgrammeTextHit } from './core/programme-search.ts';
import { logProgramme } from './programme-log.ts';
import { storeBlob } from '../platform/blobs/blob.service.ts';

export function getProgramme(
  ctx: AppContext,
  electionId: string,
  registrationNumber: string,
): Promise<Programme | undefined> {
  return findProgramme(ctx.db, electionId, registrationNumber);
}

/** Registration numbers of the parties of an election that have a programme attached. */
export function getPartiesWithProgramme(ctx: AppContext, electionId: string): Promise<Set<string>> {
  return programmesOf(ctx.db, electionId);
}

/**
 * Programmes whose text holds `phrase` in some language, the newest election first (`findInTexts`): the
 * texts are read and folded once per data version, so a new phrase costs no scan of the table.
 */
export async function findProgrammeTexts(ctx: AppContext, phrase: string, limit: number): Promise<ProgrammeTextHit[]> {
  const texts = await heldWhileDataStays(ctx, 'programmes.texts', 'all', async () =>
    searchableTexts(await listProgrammeTexts(ctx.db)),
  );
  return findInTexts(texts, phrase, limit);
}

export async function attachProgramme(
  ctx: AppContext,
  input: { electionId: string; partyRegistrationNumber: string; text: Localized; pdf?: Buffer },
  actor: string,
): Promise<Result<Programme>> {
  if (!(await getParticipation(ctx, input.electionId, input.partyRegistrationNumber))) {
    return err([
      problem('party.not_registered', `Party ${input.partyRegistrationNumber} is not in election ${input.electionId}.`),
    ]);
  }
  let pdfBlobKey: string | null = null;
  if (input.pdf) {
    const stored = await storeBlob(ctx, input.pdf, { originalName: 'programme.pdf', allowed: ['application/pdf'] });
    if (!stored.ok) return stored;
    pdfBlobKey = stored.value.sha256;
  }
  const before = await findProgramme(ctx.db, input.electionId, input.partyRegistrationNumber);
  const programme: Programme = {
    electionId: input.electionId,
    partyRegistrationNumber: input.partyRegistrationNumber,
    text: input.text,
    pdfBlobKey: pdfBlobKey ?? before?.pdfBlobKey ?? null,
  };
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await upsertProgramme(tx, programme, now);
    await recordActivity(tx, {
      actor,
      action: 'programme.attach',
      entityType: 'programme',
      entityId: `${input.electionId}/${input.partyRegistrationNumber}`,
      before: before ?? null,
      after: programme,
    });
    await logProgramme(tx, input.electionId, input.partyRegistrationNumber, now);
  });
  return ok(programme);
}
