// The commission's programme form, on the page of a party in an election: the programme's text in
// each language and, optionally, the original PDF. A refused form comes back on the party's page
// with what was typed (422).
//
// Access: 'party.manage'. The form is multipart: its CSRF token is checked from the form's first
// field before a byte of the file is read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Problem } from '../../platform/result.ts';
import { requirePermission } from '../../accounts/index.ts';
import { actorOf } from '../../accounts/index.ts';
import { commissionPartyPath, formErrors, formValues, me, MULTIPART_FORM, readUpload, seeOther, withMultipart } from '../../elections/index.ts';
import { commissionPartyAt, renderCommissionParty, type CommissionPartyAt } from '../../parties/index.ts';
import { attachProgramme } from '../programme.service.ts';
import { PROGRAMME_TEXT_FIELDS, programmeTextFromForm } from './programme.form.ts';
import '../programme.messages.ts';

async function attach(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, at: CommissionPartyAt) {
  const upload = await readUpload(req, reply, { fileField: 'pdf', maxBytes: ctx.config.uploadLimitBytes });
  if (!upload.allowed) return reply;
  const values = formValues(upload.fields, PROGRAMME_TEXT_FIELDS);
  const refuse = (problems: Problem[]) =>
    renderCommissionParty(ctx, req, reply, at, { values, errors: formErrors(at.locale, problems, { fallbackField: 'textKy', formFields: [...PROGRAMME_TEXT_FIELDS, 'pdf'] }) });
  if (upload.problems.length > 0) return refuse(upload.problems);
  const text = programmeTextFromForm(values);
  if (!text.ok) return refuse(text.error);
  const r = await attachProgramme(
    ctx,
    { electionId: at.election.id, partyRegistrationNumber: at.reg, text: text.value, ...(upload.file ? { pdf: upload.file.bytes } : {}) },
    actorOf(me(req)),
  );
  // The blob store calls the file 'file'; on this form it is 'pdf'.
  if (!r.ok) return refuse(r.error.map((p) => (p.field === 'file' ? { ...p, field: 'pdf' } : p)));
  return seeOther(reply, `${commissionPartyPath(at.locale, at.election.id, at.reg)}?done=programme#programme`);
}

/** Registers the programme form. Async: it needs a scope that reads multipart bodies. */
export async function programmeCommissionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const manageParties = requirePermission('party.manage');
  await withMultipart(app, ctx, (scope) => {
    scope.post('/:locale/commission/elections/:id/parties/:reg/programme', { preHandler: manageParties, config: MULTIPART_FORM }, async (req, reply) => {
      const at = await commissionPartyAt(ctx, req, reply);
      return at ? attach(ctx, req, reply, at) : reply;
    });
  });
}
