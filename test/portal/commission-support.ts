// What the tests of the commission's screens share: a demo server with a user of every role signed
// in, request bodies as browsers send them (URL-encoded forms, multipart uploads with `_csrf` first),
// candidate lists as CSV and XLSX, the error summary as read, and the two checks every screen must
// pass: who may read it, and who may send its forms.
import { expect } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { startDemoServer, type DemoServer } from '../support/demo-server.ts';
import { loginAs, type SignedIn } from '../../src/accounts/test-support.ts';
import type { Role } from '../../src/accounts/index.ts';
import type { Candidate, Election } from '../../src/domain/election.ts';
import { CANDIDATE_IMPORT_COLUMNS } from '../../src/domain/candidate-columns.ts';

/** A demo election with parties, for the access checks. */
export const DEMO = 'demo-live-draw';

/** Commission staff and auditors read every commission screen. */
export const READERS = ['commission_admin', 'commission_analyst', 'auditor'] as const;
/** People bound to a party or a bank never see the commission's screens. */
export const REFUSED = ['party_treasurer', 'bank_officer'] as const;

export interface CommissionServer {
  server: DemoServer;
  inject(opts: InjectOptions | string): Promise<LightMyRequestResponse>;
  who: Record<(typeof READERS)[number] | (typeof REFUSED)[number], SignedIn>;
  admin: SignedIn;
  /** A visitor's cookie and CSRF token: a form that passes the CSRF check and meets the permission check. */
  anonymous: { cookie: string; token: string };
  /** The registration number of the first party of the demo election DEMO. */
  demoParty: string;
  activityCount(): Promise<number>;
  candidateCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startCommissionServer(): Promise<CommissionServer> {
  const server = await startDemoServer();
  const inject = (opts: InjectOptions | string) => server.app.inject(opts);
  const roles = [...READERS, ...REFUSED] as const;
  const signed: Array<[Role, SignedIn]> = [];
  for (const role of roles) signed.push([role, await loginAs(server.app, server.ctx, role)]);
  const who = Object.fromEntries(signed) as CommissionServer['who'];
  const anon = await inject('/account/csrf-token');
  const first = await server.ctx.db
    .selectFrom('participations')
    .select('party_registration_number')
    .where('election_id', '=', DEMO)
    .orderBy('party_registration_number')
    .executeTakeFirstOrThrow();
  const count = async (table: 'activity_log' | 'candidates') =>
    Number(
      (
        await server.ctx.db
          .selectFrom(table)
          .select((e) => e.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    server,
    inject,
    who,
    admin: who.commission_admin,
    anonymous: {
      cookie: String(anon.headers['set-cookie']).split(';')[0] ?? '',
      token: (anon.json() as { csrfToken: string }).csrfToken,
    },
    demoParty: first.party_registration_number,
    activityCount: () => count('activity_log'),
    candidateCount: () => count('candidates'),
    close: () => server.close(),
  };
}

/** A URL-encoded form as a browser sends it; with `who`, signed in and with the CSRF token. */
export const form = (fields: Record<string, string>, who?: SignedIn) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(who ? { cookie: who.cookie } : {}) },
  payload: new URLSearchParams(who ? { _csrf: who.csrfToken, ...fields } : fields).toString(),
});

/** A multipart/form-data body: text fields in order (a browser sends `_csrf` first), then at most one file. */
export function multipart(
  fields: Array<[string, string]>,
  file?: { field: string; name: string; type: string; bytes: Buffer },
) {
  const boundary = `----talapker${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of fields)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
    );
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A multipart body signed in as `who` (with its CSRF token first), or a visitor's without one. */
export function signedMultipart(
  who: SignedIn | undefined,
  fields: Array<[string, string]>,
  file?: { field: string; name: string; type: string; bytes: Buffer },
) {
  const m = multipart([...(who ? [['_csrf', who.csrfToken] as [string, string]] : []), ...fields], file);
  return { payload: m.payload, headers: { ...m.headers, ...(who ? { cookie: who.cookie } : {}) } };
}

/** The text of an HTML fragment as read. */
export const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

/** The entries of the page's error summary, as read. */
export const summary = (html: string): string[] => {
  const box = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  return [...box.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => text(m[1] ?? '').trim());
};

export function toCsv(cs: Candidate[]): string {
  const rows = cs.map((c) =>
    [
      c.listPosition,
      c.nameKy,
      c.nameRu,
      c.nameLatin,
      c.birthDate,
      c.sex,
      c.occupation,
      c.placeOfResidence,
      c.ethnicMinority ? 'yes' : 'no',
      c.disability ? 'yes' : 'no',
      c.pin,
    ].join(','),
  );
  return [CANDIDATE_IMPORT_COLUMNS.join(','), ...rows].join('\n');
}

export async function toXlsx(cs: Candidate[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('list');
  ws.addRow([...CANDIDATE_IMPORT_COLUMNS]);
  for (const c of cs)
    ws.addRow([
      c.listPosition,
      c.nameKy,
      c.nameRu,
      c.nameLatin,
      c.birthDate,
      c.sex,
      c.occupation,
      c.placeOfResidence,
      c.ethnicMinority ? 'yes' : 'no',
      c.disability ? 'yes' : 'no',
      c.pin,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function pdfBytes(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Programme');
    doc.end();
  });
}

/** An election of the commission's own, created through the screens' service, for one test file. */
export const commissionElection = (id: string): Election => ({
  id,
  kind: 'parliamentary',
  name: { ky: `Шайлоо ${id}`, ru: `Выборы ${id}`, en: `Election ${id}` },
  calledOn: '2030-07-01',
  campaignStart: '2030-09-05',
  campaignEnd: '2030-10-04',
  electionDay: '2030-10-06',
  seats: 90,
  thresholdBasisPoints: 500,
  status: 'called',
  rulesProfileId: 'kg-2021-parliament',
  synthetic: false,
});

/**
 * Every reader gets each page (never cached), treasurers and bank officers 403, visitors 401, and a
 * browser is sent to the sign-in page and back.
 */
export async function expectReadersOnly(s: CommissionServer, urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    for (const role of READERS) {
      const r = await s.inject({ url, headers: { cookie: s.who[role].cookie } });
      expect(r.statusCode, `${role} ${url}`).toBe(200);
      expect(r.headers['cache-control']).toBe('no-store');
    }
    for (const role of REFUSED)
      expect((await s.inject({ url, headers: { cookie: s.who[role].cookie } })).statusCode, `${role} ${url}`).toBe(403);
    expect((await s.inject(url)).statusCode, `anonymous ${url}`).toBe(401);
    const browser = await s.inject({ url, headers: { accept: 'text/html' } });
    expect(browser.statusCode).toBe(303);
    expect(browser.headers.location).toBe(`/en/account/login?next=${encodeURIComponent(url)}`);
  }
}

/** Analysts and auditors see no form and no link to one. */
export async function expectNoFormsForReaders(s: CommissionServer, urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    for (const role of ['commission_analyst', 'auditor'] as const) {
      const html = (await s.inject({ url, headers: { cookie: s.who[role].cookie } })).body;
      expect(html, `${role} ${url}`).not.toContain('method="post"');
      expect(html).not.toContain('/new-election');
      expect(html).not.toContain('/register-party');
    }
  }
}

export interface Post {
  url: string;
  /** The body as `who` sends it, or as a visitor sends it without a token. */
  body: (who?: SignedIn) => { headers: Record<string, string>; payload: string | Buffer };
}

/** Everyone but the administrator is refused each form (visitors 401, others 403), and nothing is written. */
export async function expectOnlyAdminPosts(s: CommissionServer, posts: readonly Post[]): Promise<void> {
  const before = await s.activityCount();
  for (const p of posts) {
    for (const role of [...READERS.slice(1), ...REFUSED]) {
      const r = await s.inject({ method: 'POST', url: p.url, ...p.body(s.who[role]) });
      expect(r.statusCode, `${role} POST ${p.url}`).toBe(403);
    }
    // Visitors: without a token the CSRF check refuses the urlencoded forms; with one, the permission check.
    const anonymous = p.body();
    const r = await s.inject({
      method: 'POST',
      url: p.url,
      headers: { ...anonymous.headers, cookie: s.anonymous.cookie, 'x-csrf-token': s.anonymous.token },
      payload: anonymous.payload,
    });
    expect(r.statusCode, `anonymous POST ${p.url}`).toBe(401);
    expect([401, 403], `anonymous, no token: POST ${p.url}`).toContain(
      (await s.inject({ method: 'POST', url: p.url, ...p.body() })).statusCode,
    );
  }
  expect(await s.activityCount()).toBe(before);
}
