// Whose a stored scan is. A filing names its scans by hash, and hashes are no secret (a filed scan's hash
// is in its public URL), so a filing may attach only its filer's own scans: uploaded by its party (or by
// the filer in person, for commission staff filing for a party), or attached to one of its party's drafts
// or filed versions (an amendment names the scans of the version before).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ScanOwner {
  /** The party the scan is for; null for commission staff. */
  party: string | null;
  actor: string;
}

/** Records who uploaded a scan; the same file again by the same uploader is one record. */
export async function recordScanUpload(db: Db, sha256: string, owner: ScanOwner, at: string): Promise<void> {
  await db
    .insertInto('scan_uploads')
    .values({ sha256, uploaded_by: owner.actor, party_registration_number: owner.party, uploaded_at: at })
    .onConflict((oc) => oc.columns(['sha256', 'uploaded_by']).doNothing())
    .execute();
}

/** True when a filing of `party`, submitted by `actor`, may attach the scan. */
export async function isOwnScan(db: Db, sha256: string, filer: { party: string; actor: string }): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) =>
      eb
        .or([
          eb.exists(
            eb
              .selectFrom('scan_uploads')
              .select('sha256')
              .where('sha256', '=', sha256)
              .where((w) =>
                w.or([w('party_registration_number', '=', filer.party), w('uploaded_by', '=', filer.actor)]),
              ),
          ),
          eb.exists(
            eb
              .selectFrom('filing_attachments')
              .innerJoin('filings', 'filings.id', 'filing_attachments.filing_id')
              .innerJoin('filing_chains', 'filing_chains.id', 'filings.chain_id')
              .select('filing_attachments.filing_id')
              .where('filing_attachments.sha256', '=', sha256)
              .where('filing_chains.party_registration_number', '=', filer.party),
          ),
        ])
        .as('own'),
    )
    .executeTakeFirst();
  return Boolean(Number(row?.own ?? 0));
}
