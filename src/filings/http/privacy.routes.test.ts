// Nothing private leaves the portal: with the demo loaded (synthetic donors with PINs and home addresses),
// every public page reachable by links from the home pages in the three languages, every download those
// pages link to (CSV, scans, logos, JSON), every GET operation of /api/openapi.json and of the filing API
// is fetched, and each body — text, the cells of a workbook, the text layer of a PDF — is searched for
// every PIN of the demo (donors' and candidates') and every donor's address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { FILING_ROUTES } from './routes.ts';
import { extractPdfText } from '../pdf-text.ts';
import { startFilingDemoServer, type FilingDemoServer } from '../filing.test-support.ts';
import { PLANTED } from '../filing-demo.ts';
import { joinDigitGroups, plantBankPins, type PlantedBankPins } from '../../../test/support/planted-bank-pins.ts';
import { UNREPORTED_DONATION } from '../../bank-statements/statement-demo.ts';

let s: FilingDemoServer;
let bank: PlantedBankPins;
beforeAll(async () => {
  s = await startFilingDemoServer({ listen: false });
  // Bank texts with PINs in names, purposes and identifiers, published as unreported money.
  bank = await plantBankPins(s.ctx);
}, 120_000);
afterAll(async () => s?.close());

/** Everything a response carries that a reader could see: headers and body, unpacked where packed. */
async function textOf(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  const headers = JSON.stringify(res.headers);
  if (type.includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    return `${headers}\n${cells.join('\n')}`;
  }
  if (type.includes('application/pdf')) {
    // The raw bytes too: text outside the text layer (metadata) is in them.
    return `${headers}\n${await extractPdfText(res.rawPayload)}\n${res.rawPayload.toString('latin1')}`;
  }
  return `${headers}\n${res.body}`;
}

function linksOf(html: string): string[] {
  return [...html.matchAll(/(?:href|src)="([^"#]+)(?:#[^"]*)?"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&'))
    .filter((u) => u.startsWith('/') && !u.startsWith('//'));
}

describe('no PIN and no address in any public output of the demo', () => {
  it('crawls every public page, download and API operation and finds none', async () => {
    const donors = await s.ctx.db.selectFrom('receipts').select(['donor_pin', 'donor_address']).execute();
    const donorPins = [...new Set(donors.map((d) => d.donor_pin).filter((x): x is string => x !== null))];
    const addresses = [...new Set(donors.map((d) => d.donor_address).filter((x): x is string => x !== null))];
    const candidatePins = (await s.ctx.db.selectFrom('candidates').select('pin').execute()).map((r) => r.pin);
    expect(donorPins.length).toBeGreaterThan(50);
    expect(addresses.length).toBeGreaterThan(50);

    const seen = new Map<string, LightMyRequestResponse>();
    const queue: string[] = [
      '/ky/',
      '/ru/',
      '/en/',
      '/api/docs',
      '/en/reports/search?q=PP-01',
      '/ru/reports/search?q=ОсОО',
    ];
    let candidatePages = 0;
    let counterpartPages = 0;
    const variants = new Map<string, number>();
    const wanted = (url: string): boolean => {
      if (seen.has(url) || queue.includes(url)) return false;
      // Signed-in areas redirect to the sign-in page; they are not public output.
      if (/\/(account|treasurer|commission)(\/|$|\?)/.test(url)) return false;
      const path = url.split('?')[0]!;
      // Thousands of candidate pages say the same kind of thing; a sample is enough here (the API test
      // covers every candidate).
      if (/\/candidates\/\d+$/.test(path)) {
        if (candidatePages >= 30) return false;
        candidatePages++;
      }
      // Donors' and payees' pages likewise: the route test of explore reads every one of a smaller set.
      if (/\/(donors|payees)\/[0-9a-f]{24}$/.test(path)) {
        if (counterpartPages >= 30) return false;
        counterpartPages++;
      }
      if (url.includes('?')) {
        const n = variants.get(path) ?? 0;
        if (n >= 4 && !url.includes('diff=')) return false;
        variants.set(path, n + 1);
      }
      return true;
    };
    const fetchAll = async () => {
      while (queue.length > 0) {
        const url = queue.shift()!;
        if (seen.has(url)) continue;
        const res = await s.app.inject({ method: 'GET', url });
        seen.set(url, res);
        expect(res.statusCode, url).toBeLessThan(500);
        if (String(res.headers['content-type'] ?? '').startsWith('text/html'))
          for (const l of linksOf(res.body)) if (wanted(l)) queue.push(l);
        if (
          res.statusCode >= 300 &&
          res.statusCode < 400 &&
          typeof res.headers.location === 'string' &&
          wanted(res.headers.location)
        )
          queue.push(res.headers.location);
      }
    };
    await fetchAll();

    // Every GET operation of the API document, with the demo's values.
    const doc = JSON.parse((await s.app.inject('/api/openapi.json')).body) as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    };
    const participations = await s.ctx.db
      .selectFrom('participations')
      .select(['election_id', 'party_registration_number'])
      .execute();
    const candidateIds = (await s.ctx.db.selectFrom('candidates').select('id').orderBy('id').limit(20).execute()).map(
      (r) => Number(r.id),
    );
    const filingIds = (await s.ctx.db.selectFrom('filings').select('id').where('version', '>', 0).execute()).map((r) =>
      Number(r.id),
    );
    // The largest donors and payees of every election, by the identifiers the lists give, and the lists'
    // pages and downloads, which lead to more.
    const counterparts: Record<string, Array<{ electionId: string; id: string }>> = { donorId: [], payeeId: [] };
    for (const electionId of new Set(participations.map((p) => p.election_id))) {
      for (const [name, list] of [
        ['donorId', 'donors'],
        ['payeeId', 'payees'],
      ] as const) {
        const top = JSON.parse((await s.app.inject(`/api/v1/elections/${electionId}/${list}?limit=5`)).body) as {
          data: Array<{ counterpart: { id: string } }>;
        };
        for (const x of top.data) counterparts[name]!.push({ electionId, id: x.counterpart.id });
        for (const u of [`/ky/elections/${electionId}/${list}`, `/en/elections/${electionId}/${list}.csv`])
          if (wanted(u)) queue.push(u);
      }
    }
    expect(counterparts.donorId!.length).toBeGreaterThan(0);
    const expand = (path: string): string[] => {
      let urls = [path];
      const fill = (name: string, values: Array<string | number>) => {
        if (!path.includes(`{${name}}`)) return;
        urls = urls.flatMap((u) => values.map((v) => u.replace(`{${name}}`, encodeURIComponent(String(v)))));
      };
      if (path.includes('{registrationNumber}')) {
        urls = participations.map((p) =>
          path
            .replace('{electionId}', encodeURIComponent(p.election_id))
            .replace('{registrationNumber}', encodeURIComponent(p.party_registration_number)),
        );
      }
      for (const [name, known] of Object.entries(counterparts))
        if (path.includes(`{${name}}`))
          urls = known.map((c) =>
            path.replace('{electionId}', encodeURIComponent(c.electionId)).replace(`{${name}}`, c.id),
          );
      fill('electionId', [...new Set(participations.map((p) => p.election_id))]);
      fill('id', candidateIds);
      fill('filingId', filingIds);
      return urls;
    };
    const apiPaths = Object.entries(doc.paths)
      .filter(([, ops]) => ops.get)
      .map(([p]) => p);
    // The filing API, in the document once registerApi has it, and from the route table until then.
    const filingApiPaths = FILING_ROUTES.filter((r) => r.scope === 'api' && r.method === 'GET').map(
      (r) => `/api${r.url.replace(/:(\w+)/g, '{$1}')}`,
    );
    for (const p of [...new Set([...apiPaths, ...filingApiPaths])]) {
      for (const url of expand(p)) {
        const withQuery = url.includes('/search')
          ? [`${url}?q=Асанов`, `${url}?q=Aigul`]
          : url.endsWith('template.xlsx')
            ? [`${url}?locale=ru`]
            : [url];
        for (const u of withQuery) if (!seen.has(u)) queue.push(u);
      }
    }
    await fetchAll();

    // The crawl reached what it must have: every filed version's page, CSVs, scans and JSON.
    const visited = [...seen.keys()];
    for (const id of filingIds) {
      expect(visited, `report ${id}`).toContain(`/ru/reports/${id}`);
      expect(visited).toContain(`/reports/${id}/receipts.csv`);
      expect(visited).toContain(`/api/v1/filings/${id}`);
    }
    const scans = visited.filter((u) => /^\/reports\/\d+\/scans\/[0-9a-f]{64}$/.test(u));
    expect(scans.length).toBeGreaterThanOrEqual(filingIds.length);
    expect(visited.some((u) => u.includes('?diff='))).toBe(true);
    expect(
      visited.filter((u) => /^\/ky\/elections\/[^/]+\/(donors|payees)\/[0-9a-f]{24}$/.test(u)).length,
    ).toBeGreaterThan(0);
    expect(visited.filter((u) => /^\/api\/v1\/elections\/[^/]+\/donors\/[0-9a-f]{24}$/.test(u)).length).toBeGreaterThan(
      0,
    );
    expect(visited.length).toBeGreaterThan(500);

    // Thousands of secrets × thousands of bodies: each body is scanned once for anything shaped like a
    // secret, and what it finds is looked up. Any run of 14 digits that is a PIN, and any apartment
    // address at all (no public text has one: party offices are given without an apartment), is a leak.
    const pins = new Set([...donorPins, ...candidatePins, ...bank.pins, UNREPORTED_DONATION.pin]);
    // The planted bank money was published, on the party's pages in every language and in its downloads.
    const bankBase = `/api/v1/elections/${bank.electionId}/parties/${encodeURIComponent(bank.partyRegistrationNumber)}`;
    for (const u of [`${bankBase}/bank`, `${bankBase}/bank-unreported.csv`])
      expect(seen.get(u)?.statusCode, u).toBe(200);
    const partyPages = ['ky', 'ru', 'en'].map(
      (l) => `/${l}/elections/${bank.electionId}/parties/${encodeURIComponent(bank.partyRegistrationNumber)}`,
    );
    for (const u of partyPages) expect(seen.get(u)?.body, u).toContain('data-unreported="list"');
    const leaks: string[] = [];
    for (const [url, res] of seen) {
      // A PIN written in groups (spaces, dots, hyphens) is searched for as one run of digits.
      const body = joinDigitGroups(await textOf(res));
      for (const m of body.matchAll(/\d{14,}/g)) {
        for (let i = 0; i + 14 <= m[0].length; i++)
          if (pins.has(m[0].slice(i, i + 14))) leaks.push(`${url}: PIN ${m[0].slice(i, i + 14)}`);
      }
      for (const m of body.matchAll(/[^,<>"]{0,40}, [^,<>"]{0,40}, д\. \d+, кв\. \d+/g))
        leaks.push(`${url}: address ${m[0]}`);
    }
    // The scan above relies on the shape of the demo's addresses; this says it would have found them.
    expect(addresses.every((a) => /, д\. \d+, кв\. \d+$/.test(a))).toBe(true);
    expect(leaks).toEqual([]);
    // The planted purposes are there, masked.
    for (const purpose of bank.maskedPurposes) expect(seen.get(partyPages[1]!)?.body).toContain(purpose);

    // Searching by a donor's PIN finds nobody (the page repeats the query, so the check is on the results).
    const byPin = await s.app.inject(`/ru/reports/search?q=${donorPins[0]}`);
    expect(byPin.body).toContain('Жертвователи: 0');
    expect(byPin.body).toContain('Документы: 0');
  }, 300_000);

  it('shows the planted situations on the public pages: a late report, a missing one, a returned one with reasons', async () => {
    const regOf = async (ballot: number) =>
      (
        await s.ctx.db
          .selectFrom('participations')
          .select('party_registration_number')
          .where('election_id', '=', 'kg-2020-parliament')
          .where('ballot_number', '=', ballot)
          .executeTakeFirstOrThrow()
      ).party_registration_number;
    const late = await s.app.inject(
      `/en/elections/kg-2020-parliament/parties/${encodeURIComponent(await regOf(PLANTED.lateFinal))}/reports`,
    );
    expect(late.body).toMatch(/Filed 7 days late \(due 14 October 2020, filed 21 October 2020\)/);
    const missing = await s.app.inject(
      `/en/elections/kg-2020-parliament/parties/${encodeURIComponent(await regOf(PLANTED.noFinal))}/reports`,
    );
    expect(missing.body).toContain('Final report: not filed (was due 14 October 2020)');
    const amended = await s.app.inject(
      `/ru/elections/kg-2020-parliament/parties/${encodeURIComponent(await regOf(PLANTED.amended[0]))}/reports`,
    );
    const first = /href="\/ru\/reports\/(\d+)">версия 1</.exec(amended.body)?.[1];
    const v1 = await s.app.inject(`/ru/reports/${first}`);
    expect(v1.body).toContain('Возвращён:</strong> Сумма расхода');
    expect(v1.body).toContain('Это прежняя версия: отчёт был исправлен.');
  });
});
