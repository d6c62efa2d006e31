// One record's entries in the log: each leaf as it is, its hash, and the commands that check it. With
// JavaScript the served script fetches the inclusion proof and the checkpoint and checks them with Web
// Crypto; the page says the same without it.
import type { Locale } from '../../domain/election.ts';
import { DataTable, Page, moment, type Column } from '../../platform/web/index.ts';
import { t } from '../log.messages.ts';
import { VERIFY_SCRIPT_PATH } from './paths.ts';

export interface VerifiedEntry {
  index: number;
  kind: string;
  at: string;
  leaf: string;
  leafHashHex: string;
  leafBase64: string;
}

export interface LogVerifyProps {
  locale: Locale;
  base: string;
  ref: string;
  entries: VerifiedEntry[];
  size: number;
}

export function LogVerifyPage(p: LogVerifyProps) {
  const l = p.locale;
  const columns: Column<VerifiedEntry>[] = [
    { key: 'index', label: t(l, 'log.col.index'), numeric: true, rowHeader: true, cell: (e) => e.index },
    { key: 'kind', label: t(l, 'log.col.kind'), cell: (e) => e.kind },
    { key: 'at', label: t(l, 'log.col.at'), cell: (e) => moment(e.at, l) },
    { key: 'leaf', label: t(l, 'log.col.leaf'), cell: (e) => <code>{e.leaf}</code> },
    { key: 'hash', label: t(l, 'log.col.leafHash'), cell: (e) => <code>{e.leafHashHex}</code> },
    {
      key: 'check',
      label: t(l, 'log.col.check'),
      cell: (e) => (
        <span data-log-index={e.index} data-log-leaf={e.leafBase64}>
          {t(l, 'log.check.pending')}
        </span>
      ),
    },
  ];
  const last = p.entries.at(-1);
  const commands = last
    ? [
        `curl -s '${p.base}/api/v1/log/entries?start=${last.index}&end=${last.index + 1}' | jq -r '.entries[0].leaf' | base64 -d | (printf '\\000'; cat) | sha256sum`,
        `curl -s '${p.base}/api/v1/log/proof/inclusion?index=${last.index}&treeSize=${p.size}'`,
        `talapker log verify --url ${p.base}`,
      ].join('\n')
    : '';
  return (
    <Page
      locale={l}
      title={t(l, 'log.verify.title')}
      path={`/log/verify?ref=${encodeURIComponent(p.ref)}`}
      crumbs={[{ href: `/${l}/log`, label: t(l, 'log.title') }, { label: p.ref }]}
      head={<script src={VERIFY_SCRIPT_PATH} defer />}
    >
      <h1>
        {t(l, 'log.verify.title')}: <code>{p.ref}</code>
      </h1>
      {p.entries.length === 0 ? (
        <p>{t(l, 'log.verify.none')}</p>
      ) : (
        <>
          <p>{t(l, 'log.verify.lead')}</p>
          <DataTable locale={l} columns={columns} rows={p.entries} />
          <h2>{t(l, 'log.command')}</h2>
          <pre>{commands}</pre>
        </>
      )}
    </Page>
  );
}
