// The commission's activity log over HTTP on the demo: readers only; every change to an election and
// the records under it, with who made it; nothing of another election; pages that follow each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCandidates } from '../../../test/support/portal-fixture.ts';
import {
  commissionElection,
  DEMO,
  expectReadersOnly,
  startCommissionServer,
  text,
  toCsv,
  type CommissionServer,
} from '../../../test/portal/commission-support.ts';
import { createElection } from '../../elections/index.ts';
import { registerParty, setParticipationStatus } from '../../parties/index.ts';
import { getCandidateList, importCandidateList, withdrawCandidate } from '../../candidates/index.ts';
import { attachProgramme } from '../../programmes/index.ts';

const E = 'activity-2030';
const PARTY = 'AP-0101';

describe('commission activity log', () => {
  let s: CommissionServer;
  let actor = '';
  beforeAll(async () => {
    s = await startCommissionServer();
    const ctx = s.server.ctx;
    actor = `user:${s.admin.user.login}`;
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: Array<{ message: string }> }): T => {
      if (!r.ok) throw new Error(r.error.map((p) => p.message).join('; '));
      return r.value;
    };
    must(await createElection(ctx, commissionElection(E), actor));
    const name = { ky: 'Журнал партиясы', ru: 'Партия журнала', en: 'Log party' };
    must(
      await registerParty(
        ctx,
        {
          electionId: E,
          party: {
            registrationNumber: PARTY,
            name,
            shortName: name,
            leader: '',
            foundedOn: null,
            address: '',
            phone: '',
            website: '',
            logoBlobKey: null,
          },
        },
        actor,
      ),
    );
    must(
      await importCandidateList(ctx, {
        electionId: E,
        partyRegistrationNumber: PARTY,
        file: Buffer.from(toCsv(testCandidates(150, { electionId: E, party: PARTY }))),
        format: 'csv',
        actor,
      }),
    );
    const first = (await getCandidateList(ctx, E, PARTY))[0];
    if (!first) throw new Error('no list');
    must(await withdrawCandidate(ctx, { candidateId: first.id, date: '2030-09-10', actor }));
    must(
      await attachProgramme(
        ctx,
        { electionId: E, partyRegistrationNumber: PARTY, text: { ky: '', ru: 'Программа', en: '' } },
        actor,
      ),
    );
    must(
      await setParticipationStatus(
        ctx,
        { electionId: E, partyRegistrationNumber: PARTY, status: 'withdrawn', date: '2030-09-20', reason: 'Заявление' },
        actor,
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('lets commission staff and auditors read it, and refuses everyone else', async () => {
    await expectReadersOnly(s, [`/en/commission/elections/${DEMO}/activity`]);
  });

  it('shows who did what to the election and the records under it, and nothing of another election', async () => {
    const r = await s.inject({
      url: `/en/commission/elections/${E}/activity`,
      headers: { cookie: s.who.auditor.cookie },
    });
    expect(r.statusCode).toBe(200);
    const page = text(r.body);
    for (const action of [
      'Election created',
      'Party record created',
      'Party registered',
      'Candidate list imported',
      'Candidate withdrawn',
      'Party status changed',
      'Programme attached',
    ]) {
      expect(page, action).toContain(action);
    }
    expect(page).toContain(actor);
    // A record before and after each change, to unfold.
    expect(r.body).toContain('<pre class="change">');
    expect(r.body).not.toContain(DEMO);
    expect(r.body).not.toContain('kg-2020-parliament');
  });

  it('pages an election with more entries than a page: the next page starts where this one ended', async () => {
    const first = await s.inject({
      url: '/en/commission/elections/kg-2020-parliament/activity',
      headers: { cookie: s.admin.cookie },
    });
    const older = /href="([^"]+\?before=(\d+))"/.exec(first.body);
    expect(older).not.toBeNull();
    const next = await s.inject({
      url: (older?.[1] ?? '').replace(/&amp;/g, '&'),
      headers: { cookie: s.admin.cookie },
    });
    expect(next.statusCode).toBe(200);
    expect(next.body).toContain('Newest entries');
    const ids = (html: string) => [...html.matchAll(/<code>(\d+|[^<]+)<\/code>/g)].length;
    expect(ids(next.body)).toBeGreaterThan(0);
    // A start that is not an id is the first page.
    const odd = await s.inject({
      url: '/en/commission/elections/kg-2020-parliament/activity?before=abc',
      headers: { cookie: s.admin.cookie },
    });
    expect(odd.statusCode).toBe(200);
    expect(odd.body).not.toContain('Newest entries');
  });

  it('answers 404 for an election that does not exist', async () => {
    expect(
      (await s.inject({ url: '/en/commission/elections/no-such/activity', headers: { cookie: s.admin.cookie } }))
        .statusCode,
    ).toBe(404);
  });
});
