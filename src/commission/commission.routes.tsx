// HTTP of the commission's screens under /{locale}/commission: what the foundation did by CLI
// (create an election, register a party, withdraw or deregister it, import a candidate list,
// withdraw a candidate, attach a programme) as web forms, and the election's activity log to read.
//
// Access is the policy of src/accounts/authorization.ts, asked on the server for every route:
// reading pages need 'audit.read' (commission staff and auditors; nobody bound to a party or bank),
// each form its own action ('election.manage', 'party.manage', 'candidates.manage'). Pages show a
// form only to those who may send it. Every change goes through the capability's service, which
// checks it and writes the activity log; a refused form comes back with its problems (422).
//
// Needs authPlugin registered first (principal, CSRF) and a form-body parser (the server's
// @fastify/formbody). The two upload forms are multipart: @fastify/multipart is registered in this
// module's own scope, and their CSRF token is checked from the form's first field before a byte of
// the file is read (the global check cannot see inside a multipart body).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { AppContext } from '../platform/app-context.ts';
import type { Election, Locale } from '../domain/election.ts';
import { parseLocale, sendHtml } from '../platform/web/http.ts';
import { notFound } from '../platform/web/errors.tsx';
import { t } from '../platform/i18n/i18n.ts';
import { candidateName, pick } from '../platform/web/format.tsx';
import { problem, type Problem } from '../platform/result.ts';
import { requirePermission } from '../accounts/index.ts';
import { CSRF_FIELD } from '../accounts/index.ts';
import { actorOf, can, type Principal } from '../accounts/index.ts';
import { findElection, findRulesProfileById } from '../elections/election.repository.ts';
import { createElection, registerParty, setParticipationStatus } from '../elections/election.service.ts';
import { findParticipation, findParty, listBallot } from '../parties/party.repository.ts';
import { findCandidate, listAllCandidatesOfList } from '../candidates/candidate.repository.ts';
import { importCandidateList, listRulesOf, withdrawCandidate } from '../candidates/candidate.service.ts';
import { attachProgramme } from '../programmes/programme.service.ts';
import { findProgramme } from '../programmes/programme.repository.ts';
import {
  ELECTION_FIELDS,
  MAX_LIST_BYTES,
  PARTY_FIELDS,
  PROGRAMME_TEXT_FIELDS,
  electionFromForm,
  formValues,
  listFormatOf,
  onForm,
  partyFromForm,
  programmeTextFromForm,
  statusFromForm,
  withdrawalFromForm,
  type FormValues,
} from './commission.ts';
import { listElectionActivity, listElectionOverview, listPartiesOutside, listRulesProfiles, programmesOf } from './commission.repository.ts';
import {
  ActivityLogPage,
  ElectionPage,
  HomePage,
  NewElectionPage,
  NewPartyPage,
  PartyPage,
  commissionElectionPath,
  commissionPartyPath,
  formErrors,
  partyValues,
  type WithdrawnNotice,
} from './commission.pages.tsx';
import './commission.messages.ts';

type LocaleParams = { Params: { locale: string }; Querystring: Record<string, string | undefined> };
type ElectionParams = { Params: { locale: string; id: string }; Querystring: Record<string, string | undefined> };
type PartyParams = { Params: { locale: string; id: string; reg: string }; Querystring: Record<string, string | undefined> };

/** Entries of the activity log per page. */
const ACTIVITY_PAGE = 50;

/** Notices after a redirect; only these keys are shown, so the query cannot put text on the page. */
const DONE = new Set(['created', 'registered', 'status', 'imported', 'programme']);

const STATUS_FIELDS = ['participationStatus', 'statusDate', 'statusReason'] as const;
const WITHDRAW_FIELDS = ['candidateId', 'withdrawDate'] as const;

/** Every page here carries per-session tokens or non-public detail: no cache may keep it. */
const page = (reply: FastifyReply, html: string, status = 200) => sendHtml(reply, html, { status, cache: 'no-store' });
const seeOther = (reply: FastifyReply, to: string) => reply.header('cache-control', 'no-store').redirect(to, 303);
const positiveId = (s: string | undefined): number | undefined => (s && /^[1-9]\d{0,15}$/.test(s) ? Number(s) : undefined);

function doneText(l: Locale, q: Record<string, string | undefined>): string | undefined {
  const key = q.done;
  if (!key || !DONE.has(key)) return undefined;
  return t(l, `commission.done.${key}`, { n: positiveId(q.n) ?? 0 });
}

/** The principal the preHandler has let through. */
function me(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('commission route reached without a principal: preHandler missing');
  return req.principal;
}

// ---------------------------------------------------------------- multipart forms

interface UploadForm {
  fields: FormValues;
  file: { name: string; bytes: Buffer } | undefined;
  /** Problems of reading the form itself (too large, not multipart, too many parts). */
  problems: Problem[];
  /** False when the CSRF check refused the request: its 403 is on its way. */
  allowed: boolean;
}

/** The CSRF check of the global hook, run by hand for a multipart form with the token it carried. */
function csrfPasses(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, token: string | undefined): boolean {
  if (req.bearer) return true;
  (req as { body?: unknown }).body = token !== undefined ? { [CSRF_FIELD]: token } : {};
  let passed = false;
  app.csrfProtection(req, reply, () => {
    passed = true;
  });
  return passed;
}

/**
 * Reads a multipart form with at most one file (in `fileField`), checking the CSRF token of the
 * fields before it (the forms put `_csrf` first) before the file's first byte is read. An empty file
 * input (no file chosen) counts as no file.
 */
async function readUpload(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, opts: { fileField: string; maxBytes: number }): Promise<UploadForm> {
  const fields: FormValues = {};
  const problems: Problem[] = [];
  let file: UploadForm['file'];
  let checked = false;
  try {
    // Field values up to 1 MB: a programme's text in one language fits, a stray file does not.
    for await (const part of req.parts({ limits: { fileSize: opts.maxBytes, files: 1, fields: 12, fieldSize: 1_000_000, parts: 14 } })) {
      if (part.type === 'field') {
        if (part.valueTruncated) problems.push(problem('commission.too_long', `${part.fieldname}: too long.`, { field: part.fieldname, params: { max: 1_000_000 } }));
        else if (typeof part.value === 'string' && !(part.fieldname in fields)) fields[part.fieldname] = part.value;
        continue;
      }
      if (!checked) {
        checked = true;
        if (!csrfPasses(app, req, reply, fields[CSRF_FIELD])) {
          part.file.resume();
          return { fields, file: undefined, problems, allowed: false };
        }
      }
      if (part.fieldname !== opts.fileField || file || part.filename === '') {
        part.file.resume();
        continue;
      }
      const bytes = await part.toBuffer();
      if (bytes.length > 0) file = { name: part.filename, bytes };
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      problems.push(problem('commission.too_large', 'The file is too large.', { field: opts.fileField, params: { limitMb: Math.round((opts.maxBytes / (1024 * 1024)) * 10) / 10 } }));
    } else if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      problems.push(problem('commission.form_unreadable', 'The form could not be read.', { field: opts.fileField }));
    } else throw e;
  }
  if (!checked && !csrfPasses(app, req, reply, fields[CSRF_FIELD])) return { fields, file: undefined, problems, allowed: false };
  for (const k of Object.keys(fields)) fields[k] = fields[k]!.trim();
  return { fields, file, problems, allowed: true };
}

// ---------------------------------------------------------------- the routes

/**
 * Registers the commission's screens. Async: it registers its own scope with the multipart parser,
 * so call it with `await`, after authPlugin and the form-body parser.
 */
export async function commissionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  if (!app.hasDecorator('accountSettings')) throw new Error('register authPlugin(ctx) before commissionRoutes');
  await app.register(async (scope) => {
    if (!scope.hasContentTypeParser('multipart/form-data')) {
      // Per-route limits are passed to req.parts(); these are the ceiling.
      await scope.register(multipart, { limits: { fileSize: ctx.config.uploadLimitBytes, files: 1, fields: 12, fieldSize: 1_000_000, parts: 14 } });
    }
    routes(scope, ctx);
  });
}

function routes(app: FastifyInstance, ctx: AppContext): void {
  const read = requirePermission('audit.read');
  const manageElections = requirePermission('election.manage');
  const manageParties = requirePermission('party.manage');
  const manageCandidates = requirePermission('candidates.manage');
  // Multipart forms carry their token inside the body, which the global check cannot read: see readUpload.
  const multipartForm = { csrf: false };

  async function electionOf(locale: Locale | undefined, id: string): Promise<Election | undefined> {
    return locale ? findElection(ctx.db, id) : undefined;
  }

  // ---- the commission's home: every election

  app.get<LocaleParams>('/:locale/commission', { preHandler: read }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    return page(reply, HomePage({ locale, elections: await listElectionOverview(ctx.db), canCreate: can(me(req), 'election.manage') }));
  });

  // ---- creating an election

  async function renderNewElection(reply: FastifyReply, locale: Locale, extra: { values?: FormValues; problems?: Problem[] } = {}) {
    const html = NewElectionPage({
      locale,
      csrfToken: reply.generateCsrf(),
      profiles: await listRulesProfiles(ctx.db),
      ...(extra.values ? { values: extra.values } : {}),
      errors: formErrors(locale, (extra.problems ?? []).map(onForm), { fallbackField: 'id', formFields: ELECTION_FIELDS }),
    });
    return page(reply, html, extra.problems?.length ? 422 : 200);
  }

  app.get<LocaleParams>('/:locale/commission/new-election', { preHandler: manageElections }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    return renderNewElection(reply, locale);
  });

  app.post<LocaleParams>('/:locale/commission/elections', { preHandler: manageElections }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    if (!locale) return notFound(reply, 'en');
    const values = formValues(req.body, ELECTION_FIELDS);
    const parsed = electionFromForm(values);
    if (!parsed.ok) return renderNewElection(reply, locale, { values, problems: parsed.error });
    const r = await createElection(ctx, parsed.value, actorOf(me(req)));
    if (!r.ok) return renderNewElection(reply, locale, { values, problems: r.error });
    return seeOther(reply, `${commissionElectionPath(locale, r.value.id)}?done=created`);
  });

  // ---- one election

  app.get<ElectionParams>('/:locale/commission/elections/:id', { preHandler: read }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const election = await electionOf(locale, req.params.id);
    if (!locale || !election) return notFound(reply, locale ?? 'en');
    const p = me(req);
    const [entries, withProgramme, profile] = await Promise.all([
      listBallot(ctx.db, election.id),
      programmesOf(ctx.db, election.id),
      findRulesProfileById(ctx.db, election.rulesProfileId),
    ]);
    const html = ElectionPage({
      locale,
      election,
      rulesTitle: profile ? pick(profile.title, locale) : election.rulesProfileId,
      entries,
      withProgramme,
      canRegister: can(p, 'party.manage'),
      readOnly: !(['election.manage', 'party.manage', 'candidates.manage'] as const).some((a) => can(p, a)),
      done: doneText(locale, req.query),
    });
    return page(reply, html);
  });

  // ---- registering a party

  async function renderNewParty(reply: FastifyReply, locale: Locale, election: Election, extra: { values?: FormValues; problems?: Problem[]; from?: string } = {}) {
    const reg = extra.values?.registrationNumber ?? '';
    const html = NewPartyPage({
      locale,
      csrfToken: reply.generateCsrf(),
      election,
      known: await listPartiesOutside(ctx.db, election.id),
      from: extra.from,
      existing: reg !== '' && (await findParty(ctx.db, reg)) !== undefined,
      ...(extra.values ? { values: extra.values } : {}),
      errors: formErrors(locale, (extra.problems ?? []).map(onForm), { fallbackField: 'registrationNumber', formFields: PARTY_FIELDS }),
    });
    return page(reply, html, extra.problems?.length ? 422 : 200);
  }

  app.get<ElectionParams>('/:locale/commission/elections/:id/register-party', { preHandler: manageParties }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const election = await electionOf(locale, req.params.id);
    if (!locale || !election) return notFound(reply, locale ?? 'en');
    // "Start from a party of an earlier election": its record fills the form, to be checked and sent.
    const from = req.query.fromParty ? await findParty(ctx.db, req.query.fromParty) : undefined;
    return renderNewParty(reply, locale, election, from ? { values: partyValues(from), from: from.registrationNumber } : {});
  });

  app.post<ElectionParams>('/:locale/commission/elections/:id/parties', { preHandler: manageParties }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const election = await electionOf(locale, req.params.id);
    if (!locale || !election) return notFound(reply, locale ?? 'en');
    const values = formValues(req.body, PARTY_FIELDS);
    const parsed = partyFromForm(values);
    if (!parsed.ok) return renderNewParty(reply, locale, election, { values, problems: parsed.error });
    const reg = parsed.value.registrationNumber;
    // registerParty would reset a participation's status and ballot number: a party already in the
    // election is changed on its own page instead.
    if (await findParticipation(ctx.db, election.id, reg)) {
      const already = problem('commission.already_registered', `Party ${reg} is already in this election.`, { field: 'registrationNumber' });
      return renderNewParty(reply, locale, election, { values, problems: [already] });
    }
    const r = await registerParty(ctx, { electionId: election.id, party: parsed.value, ballotNumber: null }, actorOf(me(req)));
    if (!r.ok) return renderNewParty(reply, locale, election, { values, problems: r.error });
    return seeOther(reply, `${commissionPartyPath(locale, election.id, reg)}?done=registered`);
  });

  // ---- one party in one election

  interface PartyView {
    problems?: Problem[];
    /** The form the problems come from: where unplaced problems and file problems are shown. */
    form?: { fallbackField: string; fields: readonly string[]; fileField?: string };
    values?: FormValues;
    done?: string | undefined;
    withdrawn?: WithdrawnNotice | undefined;
  }

  async function renderParty(req: FastifyRequest, reply: FastifyReply, locale: Locale, election: Election, reg: string, view: PartyView = {}) {
    const [party, participation] = await Promise.all([findParty(ctx.db, reg), findParticipation(ctx.db, election.id, reg)]);
    if (!party || !participation) return notFound(reply, locale);
    const [candidates, rules, programme] = await Promise.all([
      listAllCandidatesOfList(ctx.db, election.id, reg),
      listRulesOf(ctx, election.id, reg),
      findProgramme(ctx.db, election.id, reg),
    ]);
    const p = me(req);
    const form = view.form ?? { fallbackField: 'participationStatus', fields: STATUS_FIELDS };
    const html = PartyPage({
      locale,
      csrfToken: reply.generateCsrf(),
      election,
      party,
      participation,
      candidates,
      rules: rules ?? [],
      programme,
      can: { party: can(p, 'party.manage'), candidates: can(p, 'candidates.manage') },
      ...(view.values ? { values: view.values } : {}),
      errors: formErrors(locale, view.problems ?? [], { fallbackField: form.fallbackField, formFields: form.fields, ...(form.fileField ? { fileField: form.fileField } : {}) }),
      done: view.done,
      withdrawn: view.withdrawn,
    });
    return page(reply, html, view.problems?.length ? 422 : 200);
  }

  /** The election and party a party route names, or a 404 already sent. */
  async function partyRoute(req: FastifyRequest<PartyParams>, reply: FastifyReply): Promise<{ locale: Locale; election: Election; reg: string } | undefined> {
    const locale = parseLocale(req.params.locale);
    const election = await electionOf(locale, req.params.id);
    const participation = election && (await findParticipation(ctx.db, election.id, req.params.reg));
    if (!locale || !election || !participation) {
      await notFound(reply, locale ?? 'en');
      return undefined;
    }
    return { locale, election, reg: participation.partyRegistrationNumber };
  }

  app.get<PartyParams>('/:locale/commission/elections/:id/parties/:reg', { preHandler: read }, async (req, reply) => {
    const at = await partyRoute(req, reply);
    if (!at) return reply;
    // After a withdrawal the page names the candidate, with the list rules as they now stand.
    const withdrawnId = req.query.done === 'withdrawn' ? positiveId(req.query.candidate) : undefined;
    const c = withdrawnId === undefined ? undefined : await findCandidate(ctx.db, withdrawnId);
    const withdrawn =
      c && c.electionId === at.election.id && c.partyRegistrationNumber === at.reg && c.status === 'withdrawn'
        ? { name: candidateName(c, at.locale), position: c.listPosition }
        : undefined;
    return renderParty(req, reply, at.locale, at.election, at.reg, { done: doneText(at.locale, req.query), withdrawn });
  });

  app.post<PartyParams>('/:locale/commission/elections/:id/parties/:reg/status', { preHandler: manageParties }, async (req, reply) => {
    const at = await partyRoute(req, reply);
    if (!at) return reply;
    const values = formValues(req.body, STATUS_FIELDS);
    const form = { fallbackField: 'participationStatus', fields: STATUS_FIELDS };
    const parsed = statusFromForm(values);
    if (!parsed.ok) return renderParty(req, reply, at.locale, at.election, at.reg, { problems: parsed.error, form, values });
    const r = await setParticipationStatus(ctx, { electionId: at.election.id, partyRegistrationNumber: at.reg, ...parsed.value }, actorOf(me(req)));
    if (!r.ok) return renderParty(req, reply, at.locale, at.election, at.reg, { problems: r.error, form, values });
    return seeOther(reply, `${commissionPartyPath(at.locale, at.election.id, at.reg)}?done=status`);
  });

  app.post<PartyParams>('/:locale/commission/elections/:id/parties/:reg/candidates', { preHandler: manageCandidates, config: multipartForm }, async (req, reply) => {
    const at = await partyRoute(req, reply);
    if (!at) return reply;
    const upload = await readUpload(app, req, reply, { fileField: 'file', maxBytes: Math.min(MAX_LIST_BYTES, ctx.config.uploadLimitBytes) });
    if (!upload.allowed) return reply;
    const form = { fallbackField: 'file', fields: ['file'], fileField: 'file' };
    const refuse = (problems: Problem[]) => renderParty(req, reply, at.locale, at.election, at.reg, { problems, form });
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
  });

  app.post<PartyParams>('/:locale/commission/elections/:id/parties/:reg/withdrawals', { preHandler: manageCandidates }, async (req, reply) => {
    const at = await partyRoute(req, reply);
    if (!at) return reply;
    const values = formValues(req.body, WITHDRAW_FIELDS);
    const form = { fallbackField: 'candidateId', fields: WITHDRAW_FIELDS };
    const refuse = (problems: Problem[]) => renderParty(req, reply, at.locale, at.election, at.reg, { problems, form, values });
    const parsed = withdrawalFromForm(values);
    if (!parsed.ok) return refuse(parsed.error);
    // The form names a candidate of this list; any other id is treated as unknown here.
    const c = await findCandidate(ctx.db, parsed.value.candidateId);
    if (!c || c.electionId !== at.election.id || c.partyRegistrationNumber !== at.reg) {
      return refuse([problem('candidate.not_found', `There is no candidate ${parsed.value.candidateId} on this list.`, { field: 'candidateId' })]);
    }
    const r = await withdrawCandidate(ctx, { candidateId: c.id, date: parsed.value.date, actor: actorOf(me(req)) });
    if (!r.ok) return refuse(r.error.map((p) => ({ ...p, field: p.field === 'date' ? 'withdrawDate' : (p.field ?? 'candidateId') })));
    return seeOther(reply, `${commissionPartyPath(at.locale, at.election.id, at.reg)}?done=withdrawn&candidate=${c.id}#rules`);
  });

  app.post<PartyParams>('/:locale/commission/elections/:id/parties/:reg/programme', { preHandler: manageParties, config: multipartForm }, async (req, reply) => {
    const at = await partyRoute(req, reply);
    if (!at) return reply;
    const upload = await readUpload(app, req, reply, { fileField: 'pdf', maxBytes: ctx.config.uploadLimitBytes });
    if (!upload.allowed) return reply;
    const values = formValues(upload.fields, PROGRAMME_TEXT_FIELDS);
    const form = { fallbackField: 'textKy', fields: [...PROGRAMME_TEXT_FIELDS, 'pdf'] };
    const refuse = (problems: Problem[]) => renderParty(req, reply, at.locale, at.election, at.reg, { problems, form, values });
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
  });

  // ---- the activity log

  app.get<ElectionParams>('/:locale/commission/elections/:id/activity', { preHandler: read }, async (req, reply) => {
    const locale = parseLocale(req.params.locale);
    const election = await electionOf(locale, req.params.id);
    if (!locale || !election) return notFound(reply, locale ?? 'en');
    const before = positiveId(req.query.before);
    const log = await listElectionActivity(ctx.db, election.id, { ...(before !== undefined ? { before } : {}), limit: ACTIVITY_PAGE });
    return page(reply, ActivityLogPage({ locale, election, entries: log.entries, olderThan: log.olderThan, paged: before !== undefined }));
  });
}
