// The commission's side of the ceremony: the election's lottery page with the console (freeze,
// rolls and striking one, draw, redo) for whoever may manage elections, the steps themselves, and the list of every
// election's lottery that the staff navigation leads to. A step that succeeds redirects (303); one
// that is refused shows the page again with the reasons and what was typed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Locale } from '../../domain/election.ts';
import { notFound, parseForm, renderPage, seeOther, sendHtml, sendPrivateHtml } from '../../platform/web/index.ts';
import { problem, type Problem, type Result } from '../../platform/result.ts';
import { actorOf, can, requirePermission } from '../../accounts/index.ts';
import type { LotteryDraw } from '../core/ceremony.ts';
import { addSeedPart, freezeParticipants, performDraw, redoDraw, strikeSeedPart } from '../ceremony.service.ts';
import {
  currentDrawOf,
  drawOfElection,
  electionLotteryOf,
  lotteriesOfAllElections,
  lotteryElection,
} from '../draw-record.service.ts';
import { ElectionLotteryPage, type ConsoleForm } from '../views/election-lottery.page.tsx';
import { LotteryConsolesPage } from '../views/lottery-consoles.page.tsx';
import { drawPath, electionLotteryPath } from '../views/paths.ts';
import {
  consoleForm,
  drawIdSchema,
  electionParams,
  localeParams,
  rollIndexSchema,
  type ConsoleFormFields,
} from './lottery.schemas.ts';
import { LIVE_PAGE_CACHE } from './public.routes.tsx';

const MANAGE = 'election.manage';

const staleForm = (): Problem =>
  problem('lottery.stale_form', 'This form belongs to a draw that is no longer current; reload the page.');

const actor = (req: FastifyRequest): string => (req.principal ? actorOf(req.principal) : 'anonymous');

/** The draw id a console form names, if it is one. */
const namedDrawId = (f: ConsoleFormFields): number | undefined => drawIdSchema.safeParse(f.draw).data;

async function renderElectionPage(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  electionId: string,
  extra: { problems?: Problem[]; form?: ConsoleForm } = {},
) {
  const lottery = await electionLotteryOf(ctx, electionId);
  if (!lottery) return notFound(reply, locale);
  const manage = can(req.principal, MANAGE);
  // The console's forms carry the session's CSRF token; a page with one is for this viewer only.
  const csrfToken = manage ? reply.generateCsrf() : undefined;
  const html = renderPage(
    <ElectionLotteryPage
      locale={locale}
      {...lottery}
      canManage={manage}
      csrfToken={csrfToken}
      problems={extra.problems}
      form={extra.form}
    />,
  );
  const cache = extra.problems?.length || csrfToken ? 'no-store' : LIVE_PAGE_CACHE;
  return sendHtml(reply, html, { status: extra.problems?.length ? 422 : 200, cache });
}

type StepOutcome = { ok: true; redirect: (l: Locale) => string } | { ok: false; problems: Problem[] };
type Step = (ctx: AppContext, req: FastifyRequest, electionId: string, form: ConsoleFormFields) => Promise<StepOutcome>;

const outcome = (r: Result<LotteryDraw>, redirect: (l: Locale) => string): StepOutcome =>
  r.ok ? { ok: true, redirect } : { ok: false, problems: r.error };

/** The strike form's reason is its field `strikeReason`: the redo form's `reason` is on the same page. */
const asStrikeForm = (o: StepOutcome): StepOutcome =>
  o.ok
    ? o
    : { ok: false, problems: o.problems.map((p) => (p.field === 'reason' ? { ...p, field: 'strikeReason' } : p)) };

const STEPS: Record<'freeze' | 'seed-parts' | 'strike-roll' | 'draw' | 'redo', Step> = {
  freeze: async (ctx, req, electionId, f) =>
    outcome(
      await freezeParticipants(ctx, electionId, actor(req), { reason: f.reason }),
      (l) => `${electionLotteryPath(l, electionId)}#current`,
    ),

  'seed-parts': async (ctx, req, electionId, f) => {
    const draw = await drawOfElection(ctx, electionId, namedDrawId(f));
    if (!draw) return { ok: false, problems: [staleForm()] };
    return outcome(
      await addSeedPart(ctx, draw.id, f.observer, f.digits, actor(req)),
      (l) => `${electionLotteryPath(l, electionId)}#console`,
    );
  },

  'strike-roll': async (ctx, req, electionId, f) => {
    const draw = await drawOfElection(ctx, electionId, namedDrawId(f));
    if (!draw) return { ok: false, problems: [staleForm()] };
    // A roll that is no index reads as one past the last, which the ceremony refuses as no such roll.
    const roll = rollIndexSchema.safeParse(f.roll).data ?? draw.seedParts.length;
    return asStrikeForm(
      outcome(
        await strikeSeedPart(ctx, draw.id, roll, f.strikeReason, actor(req)),
        (l) => `${electionLotteryPath(l, electionId)}#console`,
      ),
    );
  },

  draw: async (ctx, req, electionId, f) => {
    const draw = await drawOfElection(ctx, electionId, namedDrawId(f));
    if (!draw) return { ok: false, problems: [staleForm()] };
    return outcome(await performDraw(ctx, draw.id, actor(req)), (l) => drawPath(l, draw.id));
  },

  redo: async (ctx, req, electionId, f) => {
    // A redo names the draw it redoes, so that a form sent twice does not redo the new draw too.
    if (f.draw !== '') {
      const current = await currentDrawOf(ctx, electionId);
      if (current && String(current.id) !== f.draw) return { ok: false, problems: [staleForm()] };
    }
    return outcome(
      await redoDraw(ctx, electionId, f.reason, actor(req)),
      (l) => `${electionLotteryPath(l, electionId)}#current`,
    );
  },
};

/** The consoles are sensitive screens: the training gate stands before them. */
const SENSITIVE = { needsTraining: true };

export function consoleRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/:locale/elections/:id/lottery', { config: SENSITIVE }, async (req, reply) => {
    const params = electionParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    return renderElectionPage(ctx, req, reply, params.data.locale, params.data.id);
  });

  for (const [name, step] of Object.entries(STEPS)) {
    app.post(
      `/:locale/elections/:id/lottery/${name}`,
      { preHandler: requirePermission(MANAGE), config: SENSITIVE },
      async (req, reply) => {
        const params = electionParams.safeParse(req.params);
        const election = params.success ? await lotteryElection(ctx, params.data.id) : undefined;
        if (!params.success || !election)
          return notFound(reply, localeParams.safeParse(req.params).data?.locale ?? 'en');
        const { locale } = params.data;
        const read = parseForm(consoleForm, req.body);
        // Every field has a default: only a body that is not a form is refused, and it reads as an empty one.
        const f = read.ok ? read.value : consoleForm.parse({});
        const r = await step(ctx, req, election.id, f);
        if (r.ok) return seeOther(reply, r.redirect(locale));
        const { observer, digits, reason, strikeReason } = f;
        const form = { observer, digits, reason, strikeReason, ...(name === 'strike-roll' ? { roll: f.roll } : {}) };
        return renderElectionPage(ctx, req, reply, locale, election.id, { problems: r.problems, form });
      },
    );
  }

  app.get('/:locale/lottery', { preHandler: requirePermission(MANAGE), config: SENSITIVE }, async (req, reply) => {
    const params = localeParams.safeParse(req.params);
    if (!params.success) return notFound(reply, 'en');
    const html = renderPage(
      <LotteryConsolesPage locale={params.data.locale} lotteries={await lotteriesOfAllElections(ctx)} />,
    );
    return sendPrivateHtml(reply, html);
  });
}
