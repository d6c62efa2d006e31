// The form that creates an election.
import { CsrfField, DateInput, Input, pick, renderPage, Select, type FieldError } from '../../platform/web/index.ts';
import type { Locale } from '../../domain/election.ts';
import type { RulesProfile } from '../../domain/rules-profile.ts';
import type { FormValues } from '../http/form-checks.ts';
import type { ElectionField } from '../http/election.form.ts';
import { t } from '../election.messages.ts';
import { CommissionErrors, CommissionPage, electionsPath } from './commission-frame.tsx';

const KINDS = ['parliamentary', 'presidential', 'local'] as const;
const STATUSES = ['called', 'campaign', 'voting', 'results', 'annulled', 'closed'] as const;

export function NewElectionPage(p: {
  locale: Locale;
  csrfToken: string;
  profiles: RulesProfile[];
  values?: FormValues;
  errors?: FieldError[];
}) {
  const l = p.locale;
  const v = p.values ?? { kind: 'parliamentary', status: 'called' };
  const errors = p.errors ?? [];
  const title = t(l, 'commission.title.newElection');
  const field = (name: ElectionField) => ({
    locale: l,
    errors,
    name,
    label: t(l, `commission.field.${name}`),
    value: v[name],
  });
  return renderPage(
    <CommissionPage l={l} title={title} path="/commission/new-election" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <CommissionErrors l={l} errors={errors} tr={t} />
      <form method="post" action={electionsPath(l)} class="stack" noValidate>
        <CsrfField token={p.csrfToken} />
        <Input {...field('id')} required hint={t(l, 'commission.hint.id')} />
        <Select {...field('kind')} required options={KINDS.map((k) => ({ value: k, label: t(l, `kind.${k}`) }))} />
        <Input {...field('nameKy')} required />
        <Input {...field('nameRu')} required />
        <Input {...field('nameEn')} hint={t(l, 'commission.hint.nameEn')} />
        <DateInput {...field('calledOn')} required />
        <DateInput {...field('campaignStart')} required />
        <DateInput {...field('campaignEnd')} required />
        <DateInput {...field('electionDay')} required />
        <Input {...field('seats')} required inputMode="numeric" />
        <Input {...field('threshold')} required inputMode="decimal" hint={t(l, 'commission.hint.threshold')} />
        <Select
          {...field('status')}
          required
          options={STATUSES.map((s) => ({ value: s, label: t(l, `status.${s}`) }))}
        />
        <Select
          {...field('rulesProfileId')}
          required
          placeholder
          options={p.profiles.map((r) => ({ value: r.id, label: pick(r.title, l) }))}
        />
        <button type="submit">{t(l, 'commission.action.create')}</button>
      </form>
    </CommissionPage>,
  );
}
