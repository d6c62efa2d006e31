// The commission's forms of candidate lists, on the page of a party in an election: importing the
// party's whole list from CSV or XLSX (all or nothing) and withdrawing a candidate. A refused form
// comes back on the party's page with every problem, a file's by row and column (422).
//
// Access: 'candidates.manage'. The import is a multipart form: its CSRF token is checked from the
// form's first field before a byte of the file is read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import { problem, type Problem } from '../../platform/result.ts';
import { requirePermission } from '../../accounts/index.ts';
import { actorOf } from '../../accounts/index.ts';
import { commissionPartyPath, formErrors, formValues, me, MULTIPART_FORM, readUpload, seeOther, withMultipart } from '../../elections/index.ts';
import { commissionPartyAt, renderCommissionParty, type CommissionPartyAt } from '../../parties/index.ts';
import { getCandidate, importCandidateList, withdrawCandidate } from '../candidate.service.ts';
import { listFormatOf, MAX_LIST_BYTES } from '../core/list-file.ts';
import { WITHDRAW_FIELDS, withdrawalFromForm } from './withdrawal.form.ts';
import '../candidate.messages.ts';

async function importList(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, at: CommissionPartyAt) {
  const upload = await readUpload(req, reply, { fileField: 'file', maxBytes: Math.min(MAX_LIST_BYTES, ctx.config.uploadLimitBytes) });
  if (!upload.allowed) return reply;
  const refuse = (problems: Problem[]) =>
    renderCommissionParty(ctx, req, reply, at, { errors: formErrors(at.locale, problems, { fallbackField: 'file', formFields: ['file'], fileField: 'file' }) });
  if (upload.problems.length > 0) return refuse(upload.problems);
  if (!upload.file) return refuse([problem('commission.no_file', 'file: choose a CSV or XLSX file.', { field: 'file' })]);
  const format = listFormatOf(upload.file.bytes, upload.file.name);
  if (!format.ok) return refuse(format.error);
  // All or nothing: the service saves no row while any row or list rule has a problem.
  const r = await importCandidateList(ctx, {
    electionId: at.election.id,
    partyRegistrationNumber: at.reg,
    file: upload.file.bytes,
    format: format.value,
    actor: actorOf(me(req)),
  });
  if (!r.ok) return refuse(r.error);
  return seeOther(reply, `${commissionPartyPath(at.locale, at.election.id, at.reg)}?done=imported&n=${r.value.imported}#list`);
}

async function withdraw(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, at: CommissionPartyAt) {
  const values = formValues(req.body, WITHDRAW_FIELDS);
  const refuse = (problems: Problem[]) =>
    renderCommissionParty(ctx, req, reply, at, { values, errors: formErrors(at.locale, problems, { fallbackField: 'candidateId', formFields: WITHDRAW_FIELDS }) });
  const parsed = withdrawalFromForm(values);
  if (!parsed.ok) return refuse(parsed.error);
  // The form names a candidate of this list; any other id is treated as unknown here.
  const c = await getCandidate(ctx, parsed.value.candidateId);
  if (!c || c.electionId !== at.election.id || c.partyRegistrationNumber !== at.reg) {
    return refuse([problem('candidate.not_found', `There is no candidate ${parsed.value.candidateId} on this list.`, { field: 'candidateId' })]);
  }
  const r = await withdrawCandidate(ctx, { candidateId: c.id, date: parsed.value.date, actor: actorOf(me(req)) });
  if (!r.ok) return refuse(r.error.map((p) => ({ ...p, field: p.field === 'date' ? 'withdrawDate' : (p.field ?? 'candidateId') })));
  return seeOther(reply, `${commissionPartyPath(at.locale, at.election.id, at.reg)}?done=withdrawn&candidate=${c.id}#rules`);
}

/** Registers the list forms. Async: the import needs a scope that reads multipart bodies. */
export async function candidateCommissionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const manageCandidates = requirePermission('candidates.manage');
  await withMultipart(app, ctx, (scope) => {
    scope.post('/:locale/commission/elections/:id/parties/:reg/candidates', { preHandler: manageCandidates, config: MULTIPART_FORM }, async (req, reply) => {
      const at = await commissionPartyAt(ctx, req, reply);
      return at ? importList(ctx, req, reply, at) : reply;
    });
  });
  app.post('/:locale/commission/elections/:id/parties/:reg/withdrawals', { preHandler: manageCandidates }, async (req, reply) => {
    const at = await commissionPartyAt(ctx, req, reply);
    return at ? withdraw(ctx, req, reply, at) : reply;
  });
}
