// The voter's side of the change of voting address: the form and its answer (the request's number), and
// the status page by number and the surname's first letters. Both answers come from POSTs.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { bishkekDay } from '../../domain/report-deadlines.ts';
import { formValues, renderPage, sendPrivateHtml, type RouteDef } from '../../platform/web/index.ts';
import { problem, type Problem } from '../../platform/result.ts';
import { readLookupQuery, surnameLettersProblem } from '../core/lookup.ts';
import { lastDayForRequests } from '../core/address-change.ts';
import { fileRequest, publicStatus } from '../address-change.service.ts';
import { nextElection } from '../voters-election.ts';
import { AddressChangePage, REQUEST_REASONS } from '../views/address-change.page.tsx';
import { RequestStatusPage } from '../views/request-status.page.tsx';
import { errorsOf } from '../views/parts.tsx';
import { t } from '../voters.messages.ts';
import { localeForm, localePage } from './public-route.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const ChangeForm = z.object({
  pin: z.string().max(40),
  surname: text(100),
  givenName: text(100),
  patronymic: z.string().trim().max(100).default(''),
  toStation: text(12),
  reason: z.enum(REQUEST_REASONS),
  contact: text(120),
});
const StatusForm = z.object({ number: z.string().trim().max(20), surname: z.string().max(100) });
const CHANGE_FIELDS = ['pin', 'surname', 'givenName', 'patronymic', 'toStation', 'reason', 'contact'];

async function changePage(
  ctx: AppContext,
  reply: FastifyReply,
  l: Locale,
  extra: { problems?: Problem[]; values?: Record<string, string | undefined>; filed?: string } = {},
  status = 200,
) {
  const next = await nextElection(ctx);
  const lastDay = next ? lastDayForRequests(next.election.electionDay, next.rules) : undefined;
  const open = next !== undefined && (lastDay === undefined || bishkekDay(ctx.now()) <= lastDay);
  const page = (
    <AddressChangePage
      locale={l}
      csrf={reply.generateCsrf()}
      lastDay={lastDay ?? next?.election.electionDay}
      open={open}
      errors={errorsOf(l, extra.problems ?? [], CHANGE_FIELDS)}
      {...(extra.values ? { values: extra.values } : {})}
      {...(extra.filed ? { filed: extra.filed } : {})}
    />
  );
  return sendPrivateHtml(reply, renderPage(page), status);
}

function statusPage(
  reply: FastifyReply,
  l: Locale,
  extra: Omit<Parameters<typeof RequestStatusPage>[0], 'locale' | 'csrf'> = {},
  status = 200,
) {
  return sendPrivateHtml(
    reply,
    renderPage(<RequestStatusPage locale={l} csrf={reply.generateCsrf()} {...extra} />),
    status,
  );
}

/** The 429 of the address-change forms, on the form's own page. */
export function limitedAddressChangePage(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  l: Locale,
  seconds: number,
) {
  if (req.url.includes('/status')) return statusPage(reply, l, { limitedFor: seconds }, 429);
  const limited = problem('limited', t(l, 'voters.lookup.limited', { seconds }));
  return changePage(ctx, reply, l, { problems: [limited] }, 429);
}

export const ADDRESS_CHANGE_FORMS: readonly RouteDef[] = [
  localePage('voters.change', '/:locale/voters/address-change', ({ ctx, reply, locale }) =>
    changePage(ctx, reply, locale),
  ),
  localePage('voters.status', '/:locale/voters/address-change/status', ({ reply, locale }) =>
    statusPage(reply, locale),
  ),
];

export const ADDRESS_CHANGE_POSTS: readonly RouteDef[] = [
  localeForm(
    'voters.change.file',
    '/:locale/voters/address-change',
    ChangeForm,
    async ({ ctx, req, reply, locale, form }) => {
      // The form comes back as typed, less the PIN, which is never written into a page.
      const values = { ...formValues(req.body), pin: undefined };
      if (!form.ok) return changePage(ctx, reply, locale, { problems: form.error, values }, 422);
      const pin = readLookupQuery(form.value.pin, form.value.surname);
      if (!pin.ok) return changePage(ctx, reply, locale, { problems: pin.error, values }, 422);
      const r = await fileRequest(ctx, { ...form.value, pin: pin.value.pin });
      if (!r.ok) return changePage(ctx, reply, locale, { problems: r.error, values }, 422);
      return changePage(ctx, reply, locale, { filed: r.value.number });
    },
  ),
  localeForm(
    'voters.status.answer',
    '/:locale/voters/address-change/status',
    StatusForm,
    async ({ ctx, reply, locale, form }) => {
      const refused = (problems: Problem[], number?: string) =>
        statusPage(reply, locale, { number, errors: errorsOf(locale, problems, ['number', 'surname']) }, 422);
      if (!form.ok) return refused(form.error);
      const letters = surnameLettersProblem(form.value.surname);
      if (letters) return refused([letters], form.value.number);
      const s = await publicStatus(ctx, form.value.number, form.value.surname);
      return statusPage(reply, locale, { number: form.value.number, status: s ?? null }, s ? 200 : 404);
    },
  ),
];
