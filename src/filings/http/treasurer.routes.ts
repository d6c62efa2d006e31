// The treasurer's workspace and drafts: the home page, a new report, the draft editor, its header and
// lines, discarding a draft and amending a filed report. Plain forms with CSRF tokens; a refused form
// comes back with its errors, a done one redirects with a notice.
import { isConfirmed, notFound, route, seeOther, sendPrivateHtml, type RouteDef } from '../../platform/web/index.ts';
import { actorOf, type Action, type Resource } from '../../accounts/index.ts';
import {
  addLine,
  amendFiling,
  createDraft,
  deleteLine,
  discardDraft,
  loadDraft,
  loadDraftLine,
  updateHeader,
  updateLine,
} from '../draft.service.ts';
import { describeProblem } from '../filing.messages.ts';
import { LineEditPage } from '../views/line-edit.page.tsx';
import { lineValues } from '../views/draft-lines.tsx';
import { errorAt, filingFormErrors } from '../views/form-errors.ts';
import { me, siteRoute } from './access.ts';
import { draftUrl, renderDraft, renderDraftConfirmation, renderHome } from './draft-pages.ts';
import {
  draftParams,
  lineParams,
  localeParams,
  newDraftForm,
  reportParams,
  sectionParams,
  textFields,
} from './schemas.ts';

export function treasurerRoutes(): RouteDef<Action, Resource>[] {
  return [
    route({
      ...siteRoute('treasurer.home'),
      params: localeParams,
      handler: ({ ctx, req, reply, locale }) => renderHome(ctx, req, reply, locale),
    }),
    route({
      ...siteRoute('treasurer.createDraft'),
      params: localeParams,
      form: newDraftForm,
      handler: async ({ ctx, req, reply, locale, form }) => {
        const values = form.ok ? form.value : newDraftForm.parse({});
        const input = {
          electionId: values.electionId,
          partyRegistrationNumber: values.party,
          reportKind: values.reportKind,
          periodFrom: values.periodFrom,
          periodTo: values.periodTo,
        };
        const r = await createDraft(ctx, input, actorOf(me(req)));
        if (r.ok)
          return seeOther(
            reply,
            draftUrl(locale, r.value.draftId, `?done=${r.value.existing ? 'existing' : 'created'}`),
          );
        return renderHome(ctx, req, reply, locale, { errors: filingFormErrors(locale, 'new', r.error), values });
      },
    }),
    route({
      ...siteRoute('treasurer.draft'),
      params: draftParams,
      handler: ({ ctx, req, reply, locale, params }) => renderDraft(ctx, req, reply, locale, params.draftId),
    }),
    route({
      ...siteRoute('treasurer.header'),
      params: draftParams,
      handler: async ({ ctx, req, reply, locale, params }) => {
        const values = textFields(req.body);
        const r = await updateHeader(ctx, params.draftId, values, actorOf(me(req)));
        if (r.ok) return seeOther(reply, draftUrl(locale, params.draftId, '?done=header#header'));
        return renderDraft(ctx, req, reply, locale, params.draftId, {
          form: 'header',
          values,
          errors: filingFormErrors(locale, 'header', r.error),
        });
      },
    }),
    route({
      ...siteRoute('treasurer.addLine'),
      params: sectionParams,
      handler: async ({ ctx, req, reply, locale, params }) => {
        const { draftId, section } = params;
        const values = textFields(req.body);
        const r = await addLine(ctx, draftId, section, values, actorOf(me(req)));
        if (r.ok)
          return seeOther(reply, draftUrl(locale, draftId, `?done=lineAdded#${section}-row-${r.value.index + 1}`));
        return renderDraft(ctx, req, reply, locale, draftId, {
          form: section,
          values,
          errors: filingFormErrors(locale, section, r.error),
        });
      },
    }),
    ...lineRoutes(),
    route({
      ...siteRoute('treasurer.discard'),
      params: draftParams,
      handler: async ({ ctx, req, reply, locale, params }) => {
        if (!isConfirmed(req.body))
          return renderDraftConfirmation(ctx, req, reply, locale, params.draftId, { kind: 'discard' });
        await discardDraft(ctx, params.draftId, actorOf(me(req)));
        return seeOther(reply, `/${locale}/treasurer?done=discarded`);
      },
    }),
    route({
      ...siteRoute('treasurer.amend'),
      params: reportParams,
      handler: async ({ ctx, req, reply, locale, params }) => {
        const r = await amendFiling(ctx, params.filingId, actorOf(me(req)));
        if (r.ok)
          return seeOther(
            reply,
            draftUrl(locale, r.value.draftId, `?done=${r.value.existing ? 'amendExisting' : 'amend'}`),
          );
        return renderHome(ctx, req, reply, locale, {
          errors: r.error.map((p) => errorAt('filed', describeProblem(p, locale))),
          values: {},
        });
      },
    }),
  ];
}

/** One line of a draft: its page, its form, deleting it. */
function lineRoutes(): RouteDef<Action, Resource>[] {
  return [
    route({
      ...siteRoute('treasurer.lineForm'),
      params: lineParams,
      handler: async ({ ctx, reply, locale, params }) => {
        const { section, index } = params;
        const found = await loadDraftLine(ctx, params.draftId, section, index);
        if (!found) return notFound(reply, locale);
        const expectedLineId = String(found.line.lineId);
        return sendPrivateHtml(
          reply,
          LineEditPage({
            locale,
            csrfToken: reply.generateCsrf(),
            view: found.view,
            section,
            index,
            expectedLineId,
            values: lineValues(found.line),
            errors: [],
          }),
        );
      },
    }),
    route({
      ...siteRoute('treasurer.updateLine'),
      params: lineParams,
      handler: async ({ ctx, req, reply, locale, params }) => {
        const { draftId, section, index } = params;
        const values = textFields(req.body);
        const expected = values.expectedLineId ?? '';
        const r = await updateLine(ctx, draftId, section, index, expected, values, actorOf(me(req)));
        if (r.ok) return seeOther(reply, draftUrl(locale, draftId, `?done=lineSaved#${section}-row-${index + 1}`));
        const view = await loadDraft(ctx, draftId);
        if (!view) return notFound(reply, locale);
        const errors = filingFormErrors(locale, 'line', r.error);
        return sendPrivateHtml(
          reply,
          LineEditPage({
            locale,
            csrfToken: reply.generateCsrf(),
            view,
            section,
            index,
            expectedLineId: expected,
            values,
            errors,
          }),
          422,
        );
      },
    }),
    route({
      ...siteRoute('treasurer.deleteLine'),
      params: lineParams,
      handler: async ({ ctx, req, reply, locale, params }) => {
        const { draftId, section, index } = params;
        const expected = textFields(req.body).expectedLineId ?? '';
        if (!isConfirmed(req.body))
          return renderDraftConfirmation(ctx, req, reply, locale, draftId, {
            kind: 'deleteLine',
            section,
            lineId: expected,
          });
        const r = await deleteLine(ctx, draftId, section, index, expected, actorOf(me(req)));
        if (r.ok) return seeOther(reply, draftUrl(locale, draftId, `?done=lineDeleted#h-${section}`));
        return renderDraft(ctx, req, reply, locale, draftId, {
          form: section,
          values: {},
          errors: filingFormErrors(locale, section, r.error),
        });
      },
    }),
  ];
}
