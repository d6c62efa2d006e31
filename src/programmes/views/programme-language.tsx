// Which language a public page shows a programme in, and the note that says so when it is not the
// page's own: a party may publish its programme in Kyrgyz or Russian only, and the page then shows
// the text it has (as `pick` does) rather than nothing.
import type { Locale, Programme } from '../../domain/election.ts';
import { t } from '../programme.messages.ts';

/** The language whose text a page in `locale` shows: its own, else Russian, Kyrgyz, English (as `pick`). */
export function programmeLanguage(programme: Programme | undefined, locale: Locale): Locale | undefined {
  if (!programme) return undefined;
  return ([locale, 'ru', 'ky', 'en'] as const).find((l) => programme.text[l]);
}

/** "The programme is not available in English; shown in Russian." when the text is in another language. */
export function ProgrammeLanguageNote(p: { programme: Programme | undefined; locale: Locale }) {
  const shown = programmeLanguage(p.programme, p.locale);
  if (!shown || shown === p.locale) return null;
  return (
    <p class="muted" role="note">
      {t(p.locale, `programme.shownIn.${shown}`)}
    </p>
  );
}
