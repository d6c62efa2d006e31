// The second step of sign-in: the code from the authenticator app.
import type { Locale } from '../../domain/election.ts';
import { renderPage, type FieldError } from '../../platform/web/index.ts';
import { t } from '../accounts.messages.ts';
import { AccountErrors, AccountFrame, CodeForm } from './account-frame.tsx';

export function CodePage(p: { locale: Locale; csrfToken: string; next: string; errors?: FieldError[] }) {
  const l = p.locale;
  const errors = p.errors ?? [];
  return renderPage(
    <AccountFrame locale={l} title={t(l, 'accounts.title.code')} path="/account/login/code" crumbs={false}>
      <h1>{t(l, 'accounts.title.code')}</h1>
      <AccountErrors locale={l} errors={errors} />
      <CodeForm
        locale={l}
        action={`/${l}/account/login/code`}
        csrfToken={p.csrfToken}
        errors={errors}
        button={t(l, 'accounts.action.continue')}
        hint={t(l, 'accounts.hint.code')}
      >
        <input type="hidden" name="next" value={p.next} />
      </CodeForm>
    </AccountFrame>,
  );
}
