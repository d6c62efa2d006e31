// A tamper-evident public log of what the portal publishes: an RFC 6962 Merkle tree of one leaf per
// published event, with C2SP signed checkpoints, so that anyone can prove the public record was never
// rewritten. Other capabilities add their leaf with `appendToLog` inside the transaction of the change,
// and say through `Capability.logged` how each logged record reads back from the database.
import type { Kysely } from 'kysely';
import type { Capability } from '../platform/capability.ts';
import type { Database } from '../platform/db/schema.ts';
import { logRoutes } from './http/log.routes.tsx';
import { LOG_API_TAG, logApi } from './http/api.routes.ts';
import { appendLeaf } from './transparency-log.repository.ts';
import { leafOf, type LeafKind } from './core/leaf.ts';
import { enterExistingRecords } from './transparency-log.service.ts';
import { logMessages } from './log.messages.ts';

export const transparencyLog: Capability = {
  name: 'transparency-log',
  messages: [logMessages],
  routes: (app, ctx) => logRoutes(app, ctx),
  api: { tag: LOG_API_TAG, register: logApi },
  // A database from before the log is entered in it once, when a server first starts with an empty log.
  work(ctx, onError) {
    const started = import('../capabilities.ts')
      .then(({ CAPABILITIES }) => enterExistingRecords(ctx, CAPABILITIES))
      .catch(onError);
    return {
      workerId: 'transparency-log-backfill',
      wake: () => undefined,
      stop: async () => {
        await started;
      },
    };
  },
};

/**
 * Records that `publicRecord` (exactly what the public pages and API show: never a PIN or address) was
 * published under `ref`. Call inside the transaction of the change, so neither exists without the other.
 */
export function appendToLog(
  trx: Kysely<Database>,
  entry: { kind: LeafKind; at: string; ref: string; publicRecord: unknown },
): Promise<number> {
  return appendLeaf(trx, leafOf(entry.kind, entry.at, entry.ref, entry.publicRecord));
}

export type { LeafKind } from './core/leaf.ts';
export { enterExistingRecords, verifyLocalLog } from './transparency-log.service.ts';
export { verifyLog, type LogCopy } from './core/verify.ts';
export { logVerifyLink } from './views/paths.ts';
export { VerifyLink } from './views/verify-link.tsx';
