// The log's part of the public API. An answer about a tree of a given size never changes (the log is
// append-only), so it may be cached for good; only the range past the current size is cut.
import type { AppContext } from '../../platform/app-context.ts';
import { ApiError, type ApiInstance } from '../../platform/api/api-http.ts';
import { badRequestResponse, jsonResponse } from '../../platform/api/common.schemas.ts';
import { consistency, entries, inclusion, treeSize } from '../transparency-log.service.ts';
import { ConsistencyQuery, ENTRIES_PAGE, EntriesQuery, InclusionQuery, LogEntries, LogProof } from './api.schemas.ts';

export const LOG_API_TAG = {
  name: 'Transparency log',
  description:
    'The append-only Merkle tree (RFC 6962 / RFC 9162) of everything published: leaves and proofs against the signed checkpoint at /log/checkpoint, verifier key at /log/key.',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const b64 = (h: Uint8Array): string => Buffer.from(h).toString('base64');
const tooBig = (message: string) => new ApiError(400, 'beyond_tree', message);

export function logApi(api: ApiInstance, ctx: AppContext): void {
  api.get(
    '/v1/log/entries',
    {
      schema: {
        operationId: 'listLogEntries',
        tags: [LOG_API_TAG.name],
        summary: 'Leaves of the log',
        description: `Entries with start <= index < end, at most ${ENTRIES_PAGE} per answer; end is cut to the tree size. Recompute the root with SHA-256 as RFC 9162 says and compare it with the checkpoint's.`,
        querystring: EntriesQuery,
        response: { 200: jsonResponse('The entries.', LogEntries), ...badRequestResponse },
      },
    },
    async (req, reply) => {
      const { start } = req.query;
      const size = await treeSize(ctx);
      const end = Math.min(req.query.end, start + ENTRIES_PAGE, size);
      // A full page inside the tree never changes; a short one grows as entries arrive.
      if (end === req.query.end && end > start) reply.header('cache-control', IMMUTABLE);
      else reply.header('cache-control', 'public, max-age=2');
      const found = end > start ? await entries(ctx, start, end) : [];
      return { entries: found.map((e) => ({ index: e.index, leaf: b64(e.leaf), kind: e.kind, ref: e.ref })) };
    },
  );

  api.get(
    '/v1/log/proof/inclusion',
    {
      schema: {
        operationId: 'getLogInclusionProof',
        tags: [LOG_API_TAG.name],
        summary: 'Inclusion proof of one leaf',
        description: 'The audit path from the leaf at index to the root of the tree of treeSize leaves.',
        querystring: InclusionQuery,
        response: { 200: jsonResponse('The audit path.', LogProof), ...badRequestResponse },
      },
    },
    async (req, reply) => {
      const { index, treeSize: size } = req.query;
      if (index >= size) throw tooBig('index must be smaller than treeSize.');
      const proof = await inclusion(ctx, index, size);
      if (!proof) throw tooBig('The log is not that big yet.');
      reply.header('cache-control', IMMUTABLE);
      return { hashes: proof.map(b64) };
    },
  );

  api.get(
    '/v1/log/proof/consistency',
    {
      schema: {
        operationId: 'getLogConsistencyProof',
        tags: [LOG_API_TAG.name],
        summary: 'Consistency proof between two tree sizes',
        description: 'Proves that the tree of second leaves extends the tree of first leaves (RFC 9162 2.1.4).',
        querystring: ConsistencyQuery,
        response: { 200: jsonResponse('The consistency proof.', LogProof), ...badRequestResponse },
      },
    },
    async (req, reply) => {
      const { first, second } = req.query;
      if (first > second) throw tooBig('first must not be larger than second.');
      const proof = await consistency(ctx, first, second);
      if (!proof) throw tooBig('The log is not that big yet.');
      reply.header('cache-control', IMMUTABLE);
      return { hashes: proof.map(b64) };
    },
  );
}
