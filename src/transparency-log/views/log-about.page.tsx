// The log explained to a journalist: what a leaf proves, and how to check the log with the talapker
// command or with curl, sha256sum and openssl alone.
import type { Locale } from '../../domain/election.ts';
import { Page } from '../../platform/web/index.ts';
import { t } from '../log.messages.ts';

export interface LogAboutProps {
  locale: Locale;
  /** The portal's address as the reader reaches it, for commands they can paste. */
  base: string;
  size: number;
  checkpoint: string;
  verifierKey: string;
}

export function LogAboutPage(p: LogAboutProps) {
  const l = p.locale;
  const tools = [
    `curl -s ${p.base}/log/checkpoint`,
    `curl -s '${p.base}/api/v1/log/entries?start=0&end=1' | jq -r '.entries[0].leaf' | base64 -d > leaf.json`,
    `(printf '\\000'; cat leaf.json) | sha256sum`,
    `(printf '\\000'; cat leaf.json) | openssl dgst -sha256 -binary | base64`,
  ].join('\n');
  return (
    <Page locale={l} title={t(l, 'log.title')} path="/log">
      <h1>{t(l, 'log.title')}</h1>
      <p>{t(l, 'log.lead')}</p>
      <h2>{t(l, 'log.proven.title')}</h2>
      <ul>
        <li>{t(l, 'log.proven.1')}</li>
        <li>{t(l, 'log.proven.2')}</li>
        <li>{t(l, 'log.proven.3')}</li>
      </ul>
      <h2>{t(l, 'log.current')}</h2>
      <p>
        {t(l, 'log.size')}: {p.size}
      </p>
      <pre>{p.checkpoint}</pre>
      <pre>{p.verifierKey}</pre>
      <h2>{t(l, 'log.howto.title')}</h2>
      <p>{t(l, 'log.howto.cli')}</p>
      <pre>{`curl -s ${p.base}/log/checkpoint > checkpoint.txt\ntalapker log verify --url ${p.base} --key '${p.verifierKey}'\ntalapker log verify --url ${p.base} --key '${p.verifierKey}' --since checkpoint.txt`}</pre>
      <p>{t(l, 'log.howto.tools')}</p>
      <pre>{tools}</pre>
      <p>{t(l, 'log.howto.formats')}</p>
      <p>
        <a href="/api/docs">API</a> · <a href="/log/checkpoint">/log/checkpoint</a> · <a href="/log/key">/log/key</a>
      </p>
    </Page>
  );
}
