// The programme on the commission's page of a party in an election: which languages its text is in,
// its PDF, and the form that attaches a new version.
import { CsrfField, FileInput, formField, TextArea, type FieldError } from '../../platform/web/index.ts';
import type { Locale, Programme } from '../../domain/election.ts';
import type { FormValues } from '../../elections/index.ts';
import { t } from '../programme.messages.ts';

export interface ProgrammeSectionProps {
  locale: Locale;
  csrfToken: string;
  /** The commission's address of the party in the election; the form posts below it. */
  partyPath: string;
  programme: Programme | undefined;
  /** Whether the user may attach a programme. */
  canManage: boolean;
  values: FormValues;
  errors: FieldError[];
}

function ProgrammeForm(p: ProgrammeSectionProps) {
  const l = p.locale;
  const text = p.programme?.text;
  // The texts show what was sent back, else what is stored: each field gives its value itself.
  const field = formField(l, { errors: p.errors }, (name: 'textKy' | 'textRu' | 'textEn' | 'pdf') =>
    t(l, `commission.field.${name}`),
  );
  return (
    <form method="post" action={`${p.partyPath}/programme`} encType="multipart/form-data" class="stack" noValidate>
      <CsrfField token={p.csrfToken} />
      <fieldset>
        <legend>{t(l, 'commission.party.attachProgramme')}</legend>
        <TextArea {...field('textKy')} value={p.values.textKy ?? text?.ky} rows={6} />
        <TextArea {...field('textRu')} value={p.values.textRu ?? text?.ru} rows={6} />
        <TextArea {...field('textEn')} value={p.values.textEn ?? text?.en} rows={6} />
        <FileInput {...field('pdf')} accept=".pdf,application/pdf" hint={t(l, 'commission.hint.pdf')} />
        <button type="submit">{t(l, 'commission.action.attach')}</button>
      </fieldset>
    </form>
  );
}

export function ProgrammeSection(p: ProgrammeSectionProps) {
  const l = p.locale;
  const pr = p.programme;
  const languages = pr
    ? (['ky', 'ru', 'en'] as const).filter((x) => pr.text[x].trim() !== '').map((x) => t(l, `commission.lang.${x}`))
    : [];
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

/** The notice after a programme was attached. */
export const programmeNotice = (l: Locale): string => t(l, 'commission.done.programme');
