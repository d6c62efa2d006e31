// Where a record's verification page is, for the "Verify" links of other capabilities' public pages.
import type { Locale } from '../../domain/election.ts';

export const logVerifyLink = (locale: Locale, ref: string): string =>
  `/${locale}/log/verify?ref=${encodeURIComponent(ref)}`;

/** The browser's checker of an inclusion proof (served as a file: the site's CSP allows no inline script). */
export const VERIFY_SCRIPT_PATH = '/log/verify.js';
