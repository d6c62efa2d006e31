// The commission's forms of candidate lists, on the page of a party in an election: importing the
// party's whole list from CSV or XLSX (all or nothing) and withdrawing a candidate. A refused form
// comes back on the party's page with every problem, a file's by row and column (422).
//
// Access: 'candidates.manage'. The import is a multipart form: the kit checks its CSRF token from the
// form's first field before a byte of the file is read.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { problem, type Problem } from '../../platform/result.ts';
import {
  ConfirmPage,
  candidateName,
  fieldsToRepost,
  isConfirmed,
  seeOther,
  day,
  sendPrivateHtml,
  type RouteDef,
} from '../../platform/web/index.ts';
import { actorOf, type Action, type Resource } from '../../accounts/index.ts';
import { commissionErrors, commissionPartyPath, formValues, me, readCommissionUpload } from '../../elections/index.ts';
import type { ReadMultipart } from '../../elections/index.ts';
import { partyRoute, renderCommissionParty, type CommissionPartyAt } from '../../parties/index.ts';
import { getCandidate, importCandidateList, isListRuleProblem, withdrawCandidate } from '../candidate.service.ts';
import { ruleBrokenMessage } from '../views/rule-message.ts';
import { t } from '../candidate.messages.ts';
import { listFormatOf, MAX_LIST_BYTES } from '../core/list-file.ts';
import { candidateTemplateCsv, candidateTemplateXlsx } from '../core/list-template.ts';
import { WITHDRAW_FIELDS, withdrawalFromForm } from './withdrawal.form.ts';
import type { PublicCandidate } from '../../domain/election.ts';

async function importList(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  at: CommissionPartyAt,
  read: ReadMultipart,
) {
  const maxBytes = Math.min(MAX_LIST_BYTES, ctx.config.uploadLimitBytes);
  const form = await readCommissionUpload(read, { maxBytes, fileField: 'file' });
  if (!form.allowed) return reply;
  const refuse = (problems: Problem[]) =>
    renderCommissionParty(ctx, req, reply, at, {
      labels: t,
      // A broken list rule is worded here: with its unit and the candidates concerned, by name.
      errors: problems.flatMap((p) =>
        isListRuleProblem(p)
          ? [{ field: 'file', text: ruleBrokenMessage(at.locale, p.listRule), located: true }]
          : commissionErrors(t, at.locale, [p], { fallbackField: 'file', formFields: ['file'], fileField: 'file' }),
      ),
    });
  const file = form.file;
  if (form.problems.length > 0) return refuse(form.problems);
  if (!file) return refuse([problem('commission.no_file', 'file: choose a CSV or XLSX file.', { field: 'file' })]);
  const format = listFormatOf(file.bytes, file.name);
  if (!format.ok) return refuse(format.error);
  // All or nothing: the service saves no row while any row or list rule has a problem.
  const r = await importCandidateList(ctx, {
    electionId: at.election.id,
    partyRegistrationNumber: at.reg,
    file: file.bytes,
    format: format.value,
    actor: actorOf(me(req)),
  });
  if (!r.ok) return refuse(r.error);
  return seeOther(
    reply,
    `${commissionPartyPath(at.locale, at.election.id, at.reg)}?done=imported&n=${r.value.imported}#list`,
  );
}

async function withdraw(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, at: CommissionPartyAt) {
  const values = formValues(req.body, WITHDRAW_FIELDS);
  const refuse = (problems: Problem[]) =>
    renderCommissionParty(ctx, req, reply, at, {
      values,
      labels: t,
      errors: commissionErrors(t, at.locale, problems, { fallbackField: 'candidateId', formFields: WITHDRAW_FIELDS }),
    });
  const parsed = withdrawalFromForm(values);
  if (!parsed.ok) return refuse(parsed.error);
  // The form names a candidate of this list; any other id is treated as unknown here.
  const c = await getCandidate(ctx, parsed.value.candidateId);
  if (!c || c.electionId !== at.election.id || c.partyRegistrationNumber !== at.reg) {
    return refuse([
      problem('candidate.not_found', `There is no candidate ${parsed.value.candidateId} on this list.`, {
        field: 'candidateId',
      }),
    ]);
  }
  if (c.status !== 'registered')
    return refuse([problem('candidate.not_registered', `Candidate ${c.id} is ${c.status}.`, { field: 'candidateId' })]);
  // A withdrawal cannot be taken back: the first post only asks.
  if (!isConfirmed(req.body)) return confirmWithdrawal(req, reply, at, c, parsed.value.date);
  const r = await withdrawCandidate(ctx, { candidateId: c.id, date: parsed.value.date, actor: actorOf(me(req)) });
  if (!r.ok)
    return refuse(
      r.error.map((p) => ({ ...p, field: p.field === 'date' ? 'withdrawDate' : (p.field ?? 'candidateId') })),
    );
  return seeOther(
    reply,
    `${commissionPartyPath(at.locale, at.election.id, at.reg)}?done=withdrawn&candidate=${c.id}#rules`,
  );
}

function confirmWithdrawal(
  req: FastifyRequest,
  reply: FastifyReply,
  at: CommissionPartyAt,
  c: PublicCandidate,
  date: string,
) {
  const l = at.locale;
  const name = candidateName(c, l);
  const partyPath = commissionPartyPath(l, at.election.id, at.reg);
  const title = t(l, 'commission.confirm.withdraw.title', { name });
  const html = ConfirmPage({
    locale: l,
    title,
    path: partyPath.slice(l.length + 1),
    crumbs: [{ href: partyPath, label: t(l, 'commission.party.list') }, { label: title }],
    action: req.url,
    fields: fieldsToRepost(req.body),
    csrfToken: reply.generateCsrf(),
    yesLabel: t(l, 'commission.confirm.withdraw.yes'),
    backHref: `${partyPath}#list`,
    backLabel: t(l, 'commission.confirm.back'),
    children: <p>{t(l, 'commission.confirm.withdraw.text', { name, position: c.listPosition, date: day(date, l) })}</p>,
  });
  return sendPrivateHtml(reply, html);
}

/**
 * The route table (built when the routes are registered, since it uses what other capabilities export).
 */
export function candidateCommissionRoutes(): readonly RouteDef<Action, Resource>[] {
  return [
    // The import template, next to the import: CSV, and XLSX with the columns explained on a second sheet.
    partyRoute({
      id: 'commission.candidates.template.csv',
      method: 'GET',
      path: '/candidates/template.csv',
      action: 'candidates.manage',
      handle: ({ reply }) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="talapker-candidate-list.csv"')
          .send(candidateTemplateCsv()),
    }),
    partyRoute({
      id: 'commission.candidates.template.xlsx',
      method: 'GET',
      path: '/candidates/template.xlsx',
      action: 'candidates.manage',
      handle: async ({ reply }, at) =>
        reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="talapker-candidate-list-${at.locale}.xlsx"`)
          .send(await candidateTemplateXlsx(at.locale)),
    }),
    partyRoute({
      id: 'commission.candidates.import',
      method: 'POST',
      path: '/candidates',
      action: 'candidates.manage',
      multipart: true,
      handle: ({ ctx, req, reply, readMultipart }, at) => importList(ctx, req, reply, at, readMultipart),
    }),
    partyRoute({
      id: 'commission.candidates.withdraw',
      method: 'POST',
      path: '/withdrawals',
      action: 'candidates.manage',
      handle: ({ ctx, req, reply }, at) => withdraw(ctx, req, reply, at),
    }),
  ];
}
