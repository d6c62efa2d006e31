// The small "Verify" link the public pages of logged records carry, to the record's page in the log.
import type { Locale } from '../../domain/election.ts';
import { t } from '../log.messages.ts';
import { logVerifyLink } from './paths.ts';

export function VerifyLink(p: { locale: Locale; logRef: string }) {
  return <a href={logVerifyLink(p.locale, p.logRef)}>{t(p.locale, 'log.verify')}</a>;
}
