// The programme on the commission's page of a party in an election: which languages its text is in,
// its PDF, and the form that attaches a new version.
import { t } from '../../platform/i18n/i18n.ts';
import type { Locale, Programme } from '../../domain/election.ts';
import { CsrfInput } from '../../accounts/index.ts';
import { FileInput, TextArea, type FormError, type FormValues } from '../../elections/index.ts';
import '../programme.messages.ts';

export interface ProgrammeSectionProps {
  locale: Locale;
  csrfToken: string;
  /** The commission's address of the party in the election; the form posts below it. */
  partyPath: string;
  programme: Programme | undefined;
  /** Whether the user may attach a programme. */
  canManage: boolean;
  values: FormValues;
  errors: FormError[];
}

function ProgrammeForm(p: ProgrammeSectionProps) {
  const l = p.locale;
  const common = { l, errors: p.errors };
  const v = p.values;
  const pr = p.programme;
  return (
    <form method="post" action={`${p.partyPath}/programme`} encType="multipart/form-data" class="stack" noValidate>
      <CsrfInput token={p.csrfToken} />
      <fieldset>
        <legend>{t(l, 'commission.party.attachProgramme')}</legend>
        <TextArea {...common} name="textKy" value={v.textKy ?? pr?.text.ky} rows={6} />
        <TextArea {...common} name="textRu" value={v.textRu ?? pr?.text.ru} rows={6} />
        <TextArea {...common} name="textEn" value={v.textEn ?? pr?.text.en} rows={6} />
        <FileInput {...common} name="pdf" accept=".pdf,application/pdf" hint={t(l, 'commission.hint.pdf')} />
        <button type="submit">{t(l, 'commission.action.attach')}</button>
      </fieldset>
    </form>
  );
}

export function ProgrammeSection(p: ProgrammeSectionProps) {
  const l = p.locale;
  const pr = p.programme;
  const languages = pr ? (['ky', 'ru', 'en'] as const).filter((x) => pr.text[x].trim() !== '').map((x) => t(l, `commission.lang.${x}`)) : [];
  return (
    <section aria-labelledby="programme">
      <h2 id="programme">{t(l, 'commission.party.programme')}</h2>
      {pr ? (
        <>
          <p>{t(l, 'commission.party.programmeLanguages', { languages: languages.join(', ') || '—' })}</p>
          {pr.pdfBlobKey ? (
            <p>
              <a href={`/blobs/${pr.pdfBlobKey}`}>{t(l, 'party.programmePdf')}</a>
            </p>
          ) : null}
        </>
      ) : (
        <p>{t(l, 'party.noProgramme')}</p>
      )}
      {p.canManage ? <ProgrammeForm {...p} /> : null}
    </section>
  );
}
