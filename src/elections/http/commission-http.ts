// What every commission screen's routes share: the route parameters and the query of a page, the
// access rule of the accounts for the web kit's route tables, the signed-in user, the notice named in
// the address after a change, and an uploaded file read into memory up to a limit.
//
// Every page of the commission carries per-session tokens or non-public detail, so none is cached
// (the kit's `sendPrivateHtml`). Multipart forms are `multipart: true` entries of a route table: the
// kit checks their CSRF token from the form's first field before a byte of the file is read.
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/app-context.ts';
import type { Capability, PageSections } from '../../platform/capability.ts';
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';
import { problem, type Problem } from '../../platform/result.ts';
import type { Election } from '../../domain/election.ts';
import {
  csrfCheck,
  defineRoutes,
  notFound,
  route,
  type RouteAccess,
  type RouteAuth,
  type RouteDef,
  type MultipartForm,
  type RouteInput,
} from '../../platform/web/index.ts';
import { requirePermission } from '../../accounts/index.ts';
import type { Action, Principal, Resource } from '../../accounts/index.ts';
import { getElection } from '../election.service.ts';

export const LocaleParams = z.object({ locale: localeSchema });
export const ElectionParams = z.object({ locale: localeSchema, id: z.string() });
export const PartyParams = z.object({ locale: localeSchema, id: z.string(), reg: z.string() });

/** A query parameter that is one piece of text; repeated or absent, it is undefined. */
const oneText = z.string().optional().catch(undefined);
/** What the address says after a change (`done`, a count `n`, a withdrawn `candidate`), where a log page starts (`before`), a party to start from. */
export const PageQuery = z.object({
  done: oneText,
  n: oneText,
  candidate: oneText,
  before: oneText,
  fromParty: oneText,
});
export type PageQuery = z.infer<typeof PageQuery>;

/** The access rule of the commission's routes: the accounts' permissions, CSRF checked for multipart forms (not for API tokens). */
export const COMMISSION_AUTH: RouteAuth<Action, Resource> = {
  // Called through, not captured: the accounts module may still be loading when this one is (they
  // import each other through the capability list).
  requirePermission: (action, resource) => requirePermission(action, resource),
  signedIn: (req) => req.principal !== null,
  csrf: csrfCheck({ exempt: (req) => req.bearer }),
};

/** Who may use a route: any of `actions`, on no particular party or bank. */
export const may = (...actions: [Action, ...Action[]]): RouteAccess<Action, Resource> => ({
  kind: 'permission',
  actions,
});

/** What a commission route on one election gets: its parameters and the page's query (empty unless asked for). */
export type ElectionRouteInput = RouteInput<
  z.output<typeof ElectionParams>,
  PageQuery,
  Record<string, never>,
  undefined
>;

/**
 * A commission route under /{locale}/commission/elections/{id}: the handler gets the election; an
 * unknown election answers 404.
 */
export function electionRoute(spec: {
  id: string;
  method: 'GET' | 'POST';
  /** The address after the election's, starting with '/'. */
  path: string;
  access: RouteAccess<Action, Resource>;
  /** The page's query, for the GET routes that read one. */
  query?: typeof PageQuery;
  handle(input: ElectionRouteInput, election: Election): unknown;
}): RouteDef<Action, Resource> {
  return route({
    id: spec.id,
    method: spec.method,
    url: `/:locale/commission/elections/:id${spec.path}`,
    access: spec.access,
    params: ElectionParams,
    query: spec.query,
    handler: async (input) => {
      const election = await getElection(input.ctx, input.params.id);
      return election ? spec.handle(input, election) : notFound(input.reply, input.locale);
    },
  });
}

/** A positive database id written in decimal, or undefined. */
export const positiveId = (s: string | undefined): number | undefined =>
  s && /^[1-9]\d{0,15}$/.test(s) ? Number(s) : undefined;

/**
 * The notice named by `?done=` after a redirect. Only the keys of `texts` are shown, so the query
 * cannot put text on the page; `n` is the count some notices carry.
 */
export function doneText(q: PageQuery, texts: Readonly<Record<string, (n: number) => string>>): string | undefined {
  const key = q.done;
  const text = key !== undefined && Object.hasOwn(texts, key) ? texts[key] : undefined;
  return text?.(positiveId(q.n) ?? 0);
}

/** The principal the route's permission guard has let through. */
export function me(req: FastifyRequest): Principal {
  if (!req.principal) throw new Error('commission route reached without a principal: its guard is missing');
  return req.principal;
}

/** An uploaded file read into memory; `tooLarge` when it had more than the limit (its bytes are then dropped). */
export interface UploadedFile {
  name: string;
  bytes: Buffer;
  tooLarge: boolean;
}

/**
 * A file handler for the kit's `readMultipart` that keeps the file in memory up to `maxBytes` and
 * drains the rest. An empty file counts as no file.
 */
export function fileInMemory(maxBytes: number): {
  onFile: (file: Readable, filename: string) => Promise<void>;
  file: () => UploadedFile | undefined;
} {
  let kept: UploadedFile | undefined;
  return {
    async onFile(file, filename) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
      }
      if (size > 0) kept = { name: filename, bytes: Buffer.concat(chunks), tooLarge: size > maxBytes };
    },
    file: () => kept,
  };
}

/** How the kit's multipart reader is handed a file handler by a route (`readMultipart`). */
export type ReadMultipart = (onFile: ReturnType<typeof fileInMemory>['onFile']) => Promise<MultipartForm>;

/** A commission form with at most one file, read: its fields, the file, and the upload's own problems. */
export type CommissionUpload =
  | { allowed: false }
  | { allowed: true; fields: Record<string, string>; file: UploadedFile | undefined; problems: Problem[] };

/**
 * Reads a commission form with one file into memory (up to `keepBytes`, default `maxBytes`). The problems
 * are those of the upload itself (unreadable form, file over `maxBytes`), said at `fileField`, before
 * anyone judges the file's content. `allowed` is false when the CSRF check refused the form.
 */
export async function readCommissionUpload(
  read: ReadMultipart,
  opts: { maxBytes: number; fileField: string; keepBytes?: number },
): Promise<CommissionUpload> {
  const upload = fileInMemory(opts.keepBytes ?? opts.maxBytes);
  const form = await read(upload.onFile);
  if (!form.allowed) return { allowed: false };
  const file = upload.file();
  const problems = form.problems.map((p) => uploadProblem(p, opts.fileField, opts.maxBytes));
  if (problems.length === 0 && file?.tooLarge) {
    problems.push(
      uploadProblem({ code: 'upload.too_large', message: 'The file is too large.' }, opts.fileField, opts.maxBytes),
    );
  }
  return { allowed: true, fields: form.fields, file, problems };
}

/** A limit in megabytes as the too-large problem says it (one decimal). */
const megabytes = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** The multipart limits of the commission's forms: one file, a few fields, a programme's text in one language in a field. */
export const COMMISSION_UPLOAD_LIMITS = { files: 1, fields: 12, fieldSize: 1_000_000, parts: 14 };

/** A problem of reading an upload (the kit's) as the commission's forms say it, at the form's file field. */
export function uploadProblem(p: Pick<Problem, 'code' | 'message'>, fileField: string, maxBytes: number): Problem {
  if (p.code === 'upload.too_large')
    return problem('commission.too_large', 'The file is too large.', {
      field: fileField,
      params: { limitMb: megabytes(maxBytes) },
    });
  if (p.code === 'form.invalid')
    return problem('commission.form_unreadable', 'The form could not be read.', { field: fileField });
  return { ...p, field: fileField };
}

/**
 * A capability's routes: its public pages (if any) and its commission screens, the latter behind the
 * commission's sign-in. The route table is built when the routes are registered, since it may use what
 * other capabilities export.
 */
export function publicAndCommissionRoutes(
  commissionRoutes: () => readonly RouteDef<Action, Resource>[],
  publicRoutes?: (app: FastifyInstance, ctx: AppContext, sections: PageSections) => void,
): NonNullable<Capability['routes']> {
  return async (app, ctx, sections) => {
    publicRoutes?.(app, ctx, sections);
    await defineRoutes(app, ctx, commissionRoutes(), { auth: COMMISSION_AUTH });
  };
}
