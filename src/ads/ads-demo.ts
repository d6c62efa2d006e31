// The demo's political advertising (SYNTHETIC): ad library reports for the 2020 election made from the
// demo parties and what their filed reports declared for online advertising, so the figures agree with
// the declarations — except for one party, whose pages spent more than it declared (the planted
// discrepancy). Pages have Kyrgyz and Russian names, small pages show "≤100", one page is a party's
// supporter page and one advertiser is linked to nobody. Amounts in US dollars, converted at SYNTHETIC
// rates shaped like the National Bank's for those weeks. The commission's links are made as the
// commission would make them, through the same service.
import type { AppContext } from '../platform/app-context.ts';
import { listBallot } from '../parties/index.ts';
import { addDays } from '../domain/report-deadlines.ts';
import { ELECTION_2020 } from '../demo/elections.ts';
import {
  campaignPeriod,
  declaredOnline,
  decideLink,
  importAdReport,
  importRates,
  refreshAdFindings,
  findingsOfElection,
} from './ads.service.ts';
import { advertiserKey } from './core/cumulative.ts';

const E = ELECTION_2020.id;
const ACTOR = 'demo';
/** Which party (by its place among the parties that declared online advertising) overspent. */
export const PLANTED_OVERSPENDER_INDEX = 2;
/** Parties that get pages: the first ones on the ballot that declared online advertising. */
const PARTIES_WITH_PAGES = 6;

/** SYNTHETIC: som per US dollar, a smooth rise over the campaign like that of autumn 2020. */
export function demoRatesCsv(from: string, to: string): string {
  const lines = ['date,currency,rate'];
  let d = from;
  let i = 0;
  while (d <= to) {
    lines.push(`${d},USD,${(77.2 + i * 0.1).toFixed(4)}`);
    d = addDays(d, 1);
    i++;
  }
  return `${lines.join('\n')}\n`;
}

export interface DemoPage {
  pageId: string;
  name: string;
  disclaimer: string;
  /** Whole dollars spent by the end of each report day (cumulative), or '≤100'. */
  spend: Record<string, number | '≤100'>;
  ads: number;
  party: string | null;
  kind: 'own' | 'supporter';
}

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Meta's later form of the Ad Library Report, with its byte-order mark. */
export function metaCsv(pages: readonly DemoPage[], day: string): string {
  const rows = pages
    .filter((p) => p.spend[day] !== undefined)
    .map((p) => [p.pageId, quote(p.name), quote(p.disclaimer), String(p.spend[day]), String(p.ads)].join(','));
  return `\ufeffPage ID,Page name,Disclaimer,Amount spent (USD),Number of ads in Library\n${rows.join('\n')}\n`;
}

export async function adsDemo(ctx: AppContext): Promise<string> {
  const period = campaignPeriod(ELECTION_2020);
  const before = addDays(period.from, -1);
  const middle = addDays(period.from, 14);
  const end = period.to;
  const ballot = await listBallot(ctx.db, E);
  if (ballot.length === 0) return 'ads: no 2020 parties, nothing loaded';
  const declared = await declaredOnline(
    ctx,
    E,
    ballot.map((b) => b.party.registrationNumber),
    period,
  );
  const rates = demoRatesCsv(addDays(before, -3), addDays(end, 2));
  const rateAt = (day: string) => 77.2 + ((Date.parse(day) - Date.parse(addDays(before, -3))) / 86_400_000) * 0.1;

  const spenders = ballot
    .filter((b) => (declared.get(b.party.registrationNumber) ?? 0) > 0)
    .slice(0, PARTIES_WITH_PAGES);
  const pages: DemoPage[] = [];
  spenders.forEach((b, i) => {
    const p = b.party;
    const somDeclared = (declared.get(p.registrationNumber) ?? 0) / 100;
    // Dollars the campaign spent: within the declaration for all but the planted party.
    const share = i === PLANTED_OVERSPENDER_INDEX ? 1.6 : 0.55 + 0.05 * i;
    const campaign = Math.max(150, Math.floor((somDeclared * share) / rateAt(end)));
    const earlier = 40 + 10 * i;
    const id = (n: number) => `10${String(b.participation.ballotNumber ?? i + 1).padStart(2, '0')}0000${n}7712`;
    pages.push({
      pageId: id(1),
      name: p.shortName.ky,
      disclaimer: p.name.ru,
      spend: { [before]: earlier, [middle]: earlier + Math.floor(campaign * 0.45), [end]: earlier + campaign },
      ads: 12 + 3 * i,
      party: p.registrationNumber,
      kind: 'own',
    });
    // A regional page in Russian, too small for the library to give more than "≤100".
    if (i % 2 === 0)
      pages.push({
        pageId: id(2),
        name: `${p.shortName.ru} — Ош`,
        disclaimer: p.name.ru,
        spend: { [middle]: '≤100', [end]: '≤100' },
        ads: 2,
        party: p.registrationNumber,
        kind: 'own',
      });
  });
  const first = spenders[0]?.party;
  if (first)
    pages.push({
      pageId: '109900001234771',
      name: `${first.shortName.ky} колдоочулары`,
      disclaimer: `Сторонники партии «${first.shortName.ru}»`,
      spend: { [middle]: 180, [end]: 420 },
      ads: 9,
      party: first.registrationNumber,
      kind: 'supporter',
    });
  pages.push({
    pageId: '109900005678771',
    name: 'Шайлоо жаңылыктары',
    disclaimer: 'Шайлоо жаңылыктары',
    spend: { [end]: '≤100' },
    ads: 3,
    party: null,
    kind: 'own',
  });

  const r = await importRates(ctx, Buffer.from(rates), ACTOR);
  if (!r.ok) throw new Error(`demo rates refused: ${JSON.stringify(r.error)}`);
  for (const day of [before, middle, end]) {
    const file = `FacebookAdLibraryReport_${day}_KG_lifetime_advertisers.csv`;
    const imported = await importAdReport(ctx, {
      electionId: E,
      fileName: file,
      bytes: Buffer.from(metaCsv(pages, day)),
      actor: ACTOR,
    });
    if (!imported.ok) throw new Error(`demo report ${file} refused: ${JSON.stringify(imported.error)}`);
  }
  // The last day alone, as Meta also publishes it: it adds nothing to the "all dates" figures.
  const yesterday = `FacebookAdLibraryReport_${end}_KG_yesterday_advertisers.csv`;
  const lastDay = pages.map((p) => ({
    ...p,
    spend: { [end]: typeof p.spend[end] === 'number' ? Math.min(60, p.spend[end]) : '≤100' },
  }));
  await importAdReport(ctx, {
    electionId: E,
    fileName: yesterday,
    bytes: Buffer.from(metaCsv(lastDay as DemoPage[], end)),
    actor: ACTOR,
  });

  for (const p of pages)
    if (p.party)
      await decideLink(ctx, {
        electionId: E,
        key: advertiserKey('meta', { pageId: p.pageId, name: p.name }),
        party: p.party,
        kind: p.kind,
        status: 'confirmed',
        actor: ACTOR,
      });
  await refreshAdFindings(ctx, E);
  const findings = (await findingsOfElection(ctx.db, E)).filter((f) => f.status === 'open');
  return `ads: ${pages.length} pages in 4 reports, ${findings.length} open finding(s)`;
}
