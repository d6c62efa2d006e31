// The log's part of the public API. An answer about a tree of a given size never changes (the log is
// append-only), so it may be cached for good; only the range past the current size is cut.
import type { z } from 'zod';
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

  proofRoute(api, {
    url: '/v1/log/proof/inclusion',
    operationId: 'getLogInclusionProof',
    summary: 'Inclusion proof of one leaf',
    description: 'The audit path from the leaf at index to the root of the tree of treeSize leaves.',
    querystring: InclusionQuery,
    answer: 'The audit path.',
    refusal: ({ index, treeSize: size }) => (index >= size ? 'index must be smaller than treeSize.' : undefined),
    prove: ({ index, treeSize: size }) => inclusion(ctx, index, size),
  });

  proofRoute(api, {
    url: '/v1/log/proof/consistency',
    operationId: 'getLogConsistencyProof',
    summary: 'Consistency proof between two tree sizes',
    description: 'Proves that the tree of second leaves extends the tree of first leaves (RFC 9162 2.1.4).',
    querystring: ConsistencyQuery,
    answer: 'The consistency proof.',
    refusal: ({ first, second }) => (first > second ? 'first must not be larger than second.' : undefined),
    prove: ({ first, second }) => consistency(ctx, first, second),
  });
}

interface ProofRoute<Q extends z.ZodObject<z.ZodRawShape>> {
  url: string;
  operationId: string;
  summary: string;
  description: string;
  querystring: Q;
  /** What the 200 answer is, for the description. */
  answer: string;
  /** Why the query asks for something no tree can prove, if it does. */
  refusal: (query: z.output<Q>) => string | undefined;
  /** The proof's hashes; none while the log has not reached the sizes asked about. */
  prove: (query: z.output<Q>) => Promise<readonly Uint8Array[] | undefined>;
}

/** A proof about tree sizes the log has reached never changes, so it is cached for good. */
function proofRoute<Q extends z.ZodObject<z.ZodRawShape>>(api: ApiInstance, r: ProofRoute<Q>): void {
  api.get(
    r.url,
    {
      schema: {
        operationId: r.operationId,
        tags: [LOG_API_TAG.name],
        summary: r.summary,
        description: r.description,
        querystring: r.querystring,
        response: { 200: jsonResponse(r.answer, LogProof), ...badRequestResponse },
      },
    },
    async (req, reply) => {
      // Fastify has checked the query against `querystring`; reading it with the same schema gives its type.
      const query = r.querystring.parse(req.query);
      const refusal = r.refusal(query);
      if (refusal) throw tooBig(refusal);
      const proof = await r.prove(query);
      if (!proof) throw tooBig('The log is not that big yet.');
      reply.header('cache-control', IMMUTABLE);
      return { hashes: proof.map(b64) };
    },
  );
}
