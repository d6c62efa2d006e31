// Training through the server, on each database: with the requirement on, an analyst without the course
// is shown what is missing instead of the user list (a sensitive screen), takes every lesson, is refused
// a quiz left unanswered, gets the certificate, and then gets in; the code verifies on the public page
// and an unknown code is said to be unknown; the administrators' screens are theirs alone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { loadConfig } from '../../platform/config.ts';
import { EventBus } from '../../platform/event-bus.ts';
import { Memo } from '../../platform/memo.ts';
import { buildServer } from '../../server.ts';
import { accounts } from '../../accounts/index.ts';
import { loginAs, type SignedIn } from '../../accounts/test-support.ts';
import { training } from '../index.ts';
import { courseOf } from '../course-content.ts';
import type { Capability } from '../../platform/capability.ts';
import { defineRoutes, route } from '../../platform/web/index.ts';
import { COMMISSION_AUTH } from '../../elections/index.ts';
import type { Action, Resource } from '../../accounts/index.ts';

/** Two screens alike but for the flag: the gate must read the route's flag, not its address. */
const probe: Capability = {
  name: 'gate-probe',
  async routes(app, ctx) {
    const screen = (id: string, training: boolean) =>
      route<Action, Resource>({
        id: `probe.${id}`,
        method: 'GET',
        url: `/:locale/probe/${id}`,
        access: { kind: 'permission', actions: ['findings.read'], ...(training ? { training: true } : {}) },
        handler: ({ reply }) => reply.type('text/plain').send(`${id} open`),
      });
    await defineRoutes(app, ctx, [screen('flagged', true), screen('plain', false)], { auth: COMMISSION_AUTH });
  },
};

describeEachDatabase('training and its requirement gate', (get) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let analyst: SignedIn;
  let admin: SignedIn;
  let t = Date.parse('2026-12-06T08:00:00Z');
  const form = (who: SignedIn, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    body.append('_csrf', who.csrfToken);
    return {
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: body.toString(),
    };
  };

  beforeAll(async () => {
    ctx = {
      db: get().db,
      blobs: null as never,
      config: loadConfig({ TALAPKER_TRAINING_REQUIREMENTS: 'commission_analyst=cyber-hygiene@12' }),
      now: () => new Date((t += 1000)),
      events: new EventBus(),
      memo: new Memo(),
    };
    app = await buildServer(ctx, { capabilities: [training, accounts, probe] });
    await app.ready();
    analyst = await loginAs(app, ctx, 'commission_analyst', { login: 'trainee', displayName: 'Айгүл Трейни' });
    admin = await loginAs(app, ctx, 'commission_admin', { login: 'training-admin' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('gates a route that declares it needs training, and not one that does not', async () => {
    // The analyst has not taken the course yet.
    const open = (url: string) => app.inject({ url, headers: { cookie: analyst.cookie, accept: 'text/html' } });
    const flagged = await open('/ru/probe/flagged');
    expect(flagged.statusCode).toBe(403);
    expect(flagged.body).toContain('href="/ru/training"');
    const plain = await open('/ru/probe/plain');
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe('plain open');
  });

  it('sends an analyst without the course to it, and lets them in after passing', async () => {
    const users = () =>
      app.inject({ url: '/ky/account/users', headers: { cookie: analyst.cookie, accept: 'text/html' } });
    const blocked = await users();
    expect(blocked.statusCode).toBe(403);
    expect(blocked.body).toContain('href="/ky/training"');
    // Not required of administrators here: they open it at once.
    expect((await app.inject({ url: '/ky/account/users', headers: { cookie: admin.cookie } })).statusCode).toBe(200);

    const course = courseOf(ctx, 'cyber-hygiene');
    if (!course) throw new Error('the course is not shipped');
    const lesson1 = `/ky/training/courses/cyber-hygiene/lessons/1`;
    const page = await app.inject({ url: lesson1, headers: { cookie: analyst.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Фишингди таануу');
    const image = /<img src="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const media = await app.inject(image);
    expect(media.statusCode, image).toBe(200);
    expect(media.headers['content-type']).toBe('image/svg+xml');
    expect((await app.inject('/training/media/cyber-hygiene/..%2Fcourse.json')).statusCode).toBe(404);
    const unanswered = await app.inject({ method: 'POST', url: lesson1, ...form(analyst, {}) });
    expect(unanswered.statusCode).toBe(422);

    let last = '';
    for (const lesson of course.lessons) {
      const wrong = Object.fromEntries(
        lesson.quiz.questions.map((q) => [
          q.id,
          q.choices
            .filter((c) => !c.correct)
            .map((c) => c.id)
            .slice(0, 1),
        ]),
      );
      const right = Object.fromEntries(
        lesson.quiz.questions.map((q) => [q.id, q.choices.filter((c) => c.correct).map((c) => c.id)]),
      );
      const url = `/ky/training/courses/cyber-hygiene/lessons/${lesson.number}`;
      if (lesson.number === 2) {
        const failed = await app.inject({ method: 'POST', url, ...form(analyst, wrong) });
        expect(failed.statusCode).toBe(200);
        expect((await users()).statusCode).toBe(403);
      }
      const r = await app.inject({ method: 'POST', url, ...form(analyst, right) });
      expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
      last = r.body;
    }
    const code = /TC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(last)?.[0];
    expect(code).toBeDefined();
    expect((await users()).statusCode).toBe(200);

    const pdf = await app.inject({ url: `/ky/training/certificates/${code}/pdf`, headers: { cookie: analyst.cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const verified = await app.inject(
      `/ru/training/certificates/verify?code=${encodeURIComponent(code?.toLowerCase() ?? '')}`,
    );
    expect(verified.statusCode).toBe(200);
    expect(verified.body).toContain('Айгүл Трейни');
    expect(verified.body).toContain('Этот сертификат подлинный');
  });

  it('says plainly when a code is unknown or not a code', async () => {
    const unknown = await app.inject('/en/training/certificates/verify?code=TC-0000-0000-0000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('No certificate has the code TC-0000-0000-0000');
    const malformed = await app.inject('/en/training/certificates/verify?code=hello');
    expect(malformed.body).toContain('not a certificate code');
  });

  it('keeps the overview, its CSV and the security review for administrators', async () => {
    for (const url of ['/en/commission/training', '/en/commission/training.csv', '/en/commission/security']) {
      expect((await app.inject({ url, headers: { cookie: analyst.cookie, accept: 'text/html' } })).statusCode).toBe(
        403,
      );
      expect((await app.inject({ url, headers: { cookie: admin.cookie } })).statusCode).toBe(200);
    }
    const csv = await app.inject({ url: '/en/commission/training.csv', headers: { cookie: admin.cookie } });
    expect(csv.body).toMatch(/trainee,Айгүл Трейни,commission_analyst,Election commission,7,7,2026-12-06,0/);
    const posture = await app.inject({ url: '/en/commission/security', headers: { cookie: admin.cookie } });
    expect(posture.body).toContain('Without two-step sign-in');
    expect(posture.body).toContain('trainee');
    const reminded = await app.inject({ method: 'POST', url: '/en/commission/training/reminders', ...form(admin, {}) });
    expect(reminded.statusCode).toBe(303);
    expect(reminded.headers.location).toBe('/en/commission/training?reminded=1&mailed=0');
  });
});
