// A tamper-evident public log of what the portal publishes: an RFC 6962 Merkle tree of one leaf per
// published event, with C2SP signed checkpoints, so that anyone can prove the public record was never
// rewritten. Other capabilities add their leaf with `appendToLog` inside the transaction of the change.
import type { Kysely } from 'kysely';
import type { Capability } from '../platform/capability.ts';
import type { Database } from '../platform/db/schema.ts';
import { logRoutes } from './http/log.routes.ts';
import { appendLeaf } from './transparency-log.repository.ts';
import { leafOf, type LeafKind } from './core/leaf.ts';

export const transparencyLog: Capability = {
  name: 'transparency-log',
  routes: (app, ctx) => logRoutes(app, ctx),
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
