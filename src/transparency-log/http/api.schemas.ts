// The log's JSON API: entries by index and the Merkle proofs between them, in the shapes the issue and
// the Certificate Transparency tools use (hashes and leaves as standard base64).
import { z } from 'zod';

const index = (what: string, example: number) =>
  z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .describe(what)
    .meta({ examples: [example] });
const base64 = z.string().describe('Standard base64 (RFC 4648, with padding).');

/** At most this many entries per answer: a client pages with `start`. */
export const ENTRIES_PAGE = 1000;

export const EntriesQuery = z.object({
  start: index('First index, inclusive.', 0),
  end: index(`Index after the last, exclusive; at most ${ENTRIES_PAGE} more than start. Cut to the tree size.`, 10),
});

export const LogEntryResource = z
  .object({
    index: z.number().int().min(0).describe('Position of the leaf in the tree.'),
    leaf: base64.describe(
      'The exact leaf bytes (UTF-8 canonical JSON, RFC 8785), base64. Its leaf hash is SHA-256(0x00 || leaf).',
    ),
    kind: z
      .string()
      .describe(
        'What was published: filing.version, filing.status, candidates.list, lottery.step, bank.statement, findings.publication, programme.attached, annual-report.version.',
      ),
    ref: z.string().describe('The public identifier of the record the leaf is about.'),
  })
  .meta({ id: 'LogEntry', description: 'One leaf of the transparency log.' });

export const LogEntries = z
  .object({
    entries: z.array(LogEntryResource).describe('The leaves from start up to end (exclusive), in index order.'),
  })
  .meta({ id: 'LogEntries', description: 'Leaves of the log in index order.' });

export const InclusionQuery = z.object({
  index: index('Index of the leaf.', 0),
  treeSize: index('Size of the tree (a checkpoint’s size) the proof is for.', 2),
});

export const ConsistencyQuery = z.object({
  first: index('Size of the older tree.', 1),
  second: index('Size of the newer tree.', 2),
});

export const LogProof = z
  .object({ hashes: z.array(base64).describe('The proof’s hashes, in the order RFC 9162 gives them.') })
  .meta({
    id: 'LogProof',
    description: 'A Merkle audit path (RFC 9162 2.1.3) or consistency proof (2.1.4), each hash base64.',
  });
