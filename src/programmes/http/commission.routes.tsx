// The commission's programme form, on the page of a party in an election: the programme's text in
// each language and, optionally, the original PDF. A refused form comes back on the party's page
// with what was typed (422).
//
// Access: 'party.manage'. The form is multipart: the kit checks its CSRF token from the form's first
// field before a byte of the file is read.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Problem } from '../../platform/result.ts';
import { seeOther, type RouteDef } from '../../platform/web/index.ts';
import { actorOf, type Action, type Resource } from '../../accounts/index.ts';
import { commissionErrors, commissionPartyPath, formValues, me, readCommissionUpload } from '../../elections/index.ts';
import type { ReadMultipart } from '../../elections/index.ts';
import { partyRoute, renderCommissionParty, type CommissionPartyAt } from '../../parties/index.ts';
import { attachProgramme } from '../programme.service.ts';
import { t } from '../programme.messages.ts';
import { PROGRAMME_TEXT_FIELDS, programmeTextFromForm } from '../core/programme-text.ts';

async function attach(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  at: CommissionPartyAt,
  read: ReadMultipart,
) {
  const maxBytes = ctx.config.uploadLimitBytes;
  // One byte over the limit is kept, so that the blob store itself refuses a file that is too large.
  const form = await readCommissionUpload(read, { maxBytes, fileField: 'pdf', keepBytes: maxBytes + 1 });
  if (!form.allowed) return reply;
  const values = formValues(form.fields, PROGRAMME_TEXT_FIELDS);
  const refuse = (problems: Problem[]) =>
    renderCommissionParty(ctx, req, reply, at, {
      values,
      labels: t,
      errors: commissionErrors(t, at.locale, problems, {
        fallbackField: 'textKy',
        formFields: [...PROGRAMME_TEXT_FIELDS, 'pdf'],
      }),
    });
  if (form.problems.length > 0) return refuse(form.problems);
  const text = programmeTextFromForm(values);
  if (!text.ok) return refuse(text.error);
  const pdf = form.file;
  const r = await attachProgramme(
    ctx,
    {
      electionId: at.election.id,
      partyRegistrationNumber: at.reg,
      text: text.value,
      ...(pdf ? { pdf: pdf.bytes } : {}),
    },
    actorOf(me(req)),
  );
  // The blob store calls the file 'file'; on this form it is 'pdf'.
  if (!r.ok) return refuse(r.error.map((p) => (p.field === 'file' ? { ...p, field: 'pdf' } : p)));
  return seeOther(reply, `${commissionPartyPath(at.locale, at.election.id, at.reg)}?done=programme#programme`);
}

/**
 * The route table (built when the routes are registered, since it uses what other capabilities export).
 */
export function programmeCommissionRoutes(): readonly RouteDef<Action, Resource>[] {
  return [
    partyRoute({
      id: 'commission.programme.attach',
      method: 'POST',
      path: '/programme',
      action: 'party.manage',
      multipart: true,
      handle: ({ ctx, req, reply, readMultipart }, at) => attach(ctx, req, reply, at, readMultipart),
    }),
  ];
}
