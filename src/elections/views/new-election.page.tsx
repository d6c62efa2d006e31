// The form that creates an election.
import { renderPage } from '../../platform/web/layout.tsx';
import { t } from '../../platform/i18n/i18n.ts';
import { pick } from '../../platform/web/format.tsx';
import type { Locale } from '../../domain/election.ts';
import type { RulesProfile } from '../../domain/rules-profile.ts';
import { CsrfInput } from '../../accounts/index.ts';
import type { FormValues } from '../http/form-checks.ts';
import { CommissionPage, DateInput, electionsPath, ErrorSummary, Input, Select, type FormError } from './commission-frame.tsx';

export function NewElectionPage(p: { locale: Locale; csrfToken: string; profiles: RulesProfile[]; values?: FormValues; errors?: FormError[] }) {
  const l = p.locale;
  const v = p.values ?? { kind: 'parliamentary', status: 'called' };
  const errors = p.errors ?? [];
  const title = t(l, 'commission.title.newElection');
  const common = { l, errors };
  return renderPage(
    <CommissionPage l={l} title={title} path="/commission/new-election" crumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary l={l} errors={errors} />
      <form method="post" action={electionsPath(l)} class="stack" noValidate>
        <CsrfInput token={p.csrfToken} />
        <Input {...common} name="id" value={v.id} required hint={t(l, 'commission.hint.id')} />
        <Select
          {...common}
          name="kind"
          value={v.kind}
          required
          options={(['parliamentary', 'presidential', 'local'] as const).map((k) => ({ value: k, label: t(l, `kind.${k}`) }))}
        />
        <Input {...common} name="nameKy" value={v.nameKy} required />
        <Input {...common} name="nameRu" value={v.nameRu} required />
        <Input {...common} name="nameEn" value={v.nameEn} hint={t(l, 'commission.hint.nameEn')} />
        <DateInput {...common} name="calledOn" value={v.calledOn} required />
        <DateInput {...common} name="campaignStart" value={v.campaignStart} required />
        <DateInput {...common} name="campaignEnd" value={v.campaignEnd} required />
        <DateInput {...common} name="electionDay" value={v.electionDay} required />
        <Input {...common} name="seats" value={v.seats} required inputMode="numeric" />
        <Input {...common} name="threshold" value={v.threshold} required inputMode="decimal" hint={t(l, 'commission.hint.threshold')} />
        <Select
          {...common}
          name="status"
          value={v.status}
          required
          options={(['called', 'campaign', 'voting', 'results', 'annulled', 'closed'] as const).map((s) => ({ value: s, label: t(l, `status.${s}`) }))}
        />
        <Select {...common} name="rulesProfileId" value={v.rulesProfileId} required placeholder options={p.profiles.map((r) => ({ value: r.id, label: pick(r.title, l) }))} />
        <button type="submit">{t(l, 'commission.action.create')}</button>
      </form>
    </CommissionPage>,
  );
}
