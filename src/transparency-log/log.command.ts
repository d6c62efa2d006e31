// `talapker log verify [--url BASE] [--key VKEY] [--since CHECKPOINT_FILE [--since-key VKEY]]`: checks a
// copy of the log (--since-key: the key the saved checkpoint was signed with, if the log's key was rotated).
// Without --url it is this installation's own log, and every logged record is read back from the
// database and must still hash to its newest leaf. With --url it is a server's log, read through its
// public files and API as anyone can; the verifier key is then taken from --key (or, failing that,
// from the server, which only proves the server agrees with itself) and records are not checked.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import type { AppContext } from '../platform/app-context.ts';
import type { Capability } from '../platform/capability.ts';
import { withApp } from '../platform/with-app.ts';
import { processIo, type CommandIo } from '../platform/command-io.ts';
import { verifyLog, type EntryBytes, type LogCopy } from './core/verify.ts';
import { verifyLocalLog } from './transparency-log.service.ts';

export const LOG_USAGE = 'talapker log verify [--url BASE] [--key VKEY] [--since CHECKPOINT_FILE [--since-key VKEY]]';

type Fetch = (url: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

async function fetchText(fetcher: Fetch, url: string): Promise<string> {
  const r = await fetcher(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.text();
}

/** The log of the server at `base`, read page by page from its API. */
export async function remoteLog(base: string, key: string | undefined, fetcher: Fetch = fetch): Promise<LogCopy> {
  const root = base.replace(/\/+$/, '');
  return {
    checkpoint: await fetchText(fetcher, `${root}/log/checkpoint`),
    verifierKey: key ?? (await fetchText(fetcher, `${root}/log/key`)).trim(),
    async entries(size) {
      const out: EntryBytes[] = [];
      while (out.length < size) {
        const page = JSON.parse(
          await fetchText(fetcher, `${root}/api/v1/log/entries?start=${out.length}&end=${size}`),
        ) as { entries: Array<{ index: number; leaf: string }> };
        if (page.entries.length === 0) break;
        out.push(...page.entries.map((e) => ({ index: e.index, leaf: new Uint8Array(Buffer.from(e.leaf, 'base64')) })));
      }
      return out;
    },
  };
}

/** Accepts the arguments after `log`; `ctx` and `capabilities` are for tests. */
export async function logCommand(
  argv: string[],
  io: CommandIo = processIo,
  ctx?: AppContext,
  capabilities?: readonly Capability[],
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      since: { type: 'string' },
      key: { type: 'string' },
      'since-key': { type: 'string' },
    },
  });
  if (positionals[0] !== 'verify') {
    io.stderr(`Usage: ${LOG_USAGE}\n`);
    return 2;
  }
  const saved = values.since !== undefined ? await readFile(values.since, 'utf8') : undefined;
  const sinceKey = values['since-key'];
  const opts = { ...(saved !== undefined ? { saved } : {}), ...(sinceKey !== undefined ? { savedKey: sinceKey } : {}) };
  const url = values.url;
  const r = url
    ? await verifyLog(await remoteLog(url, values.key), opts)
    : await (async () => {
        const caps = capabilities ?? (await import('../capabilities.ts')).CAPABILITIES;
        return ctx ? verifyLocalLog(ctx, caps, opts) : withApp((c) => verifyLocalLog(c, caps, opts));
      })();
  if (!r.ok) {
    io.stderr(`The log does not verify: ${r.failure}\n`);
    return 1;
  }
  io.stdout(`The log verifies: ${r.value}.\n`);
  return 0;
}
