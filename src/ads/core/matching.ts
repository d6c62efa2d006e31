// Suggestions of which party an advertiser is: by its name or its "paid for by" line against the
// party's names in every script (the transliteration search keys, so "Ата-Журт Кыргызстан" and
// "Ata-Jurt Kyrgyzstan" are one name), and by the page id of a link the commission confirmed in
// another election. Suggestions are only that: a link counts once the commission confirms it.
import { matchScore } from '../../domain/name-search.ts';

export interface PartyNames {
  registrationNumber: string;
  names: readonly string[];
}

export interface AdvertiserFacts {
  key: string;
  name: string;
  disclaimer: string | null;
}

export type SuggestionBasis = 'name' | 'disclaimer' | 'page_id';

export interface Suggestion {
  key: string;
  party: string;
  basis: SuggestionBasis;
  /** Higher is better; a page id confirmed elsewhere beats any name. */
  score: number;
}

const PAGE_ID_SCORE = 10_000;

/** The best match of any of the party's names inside `text`, or null. */
function bestScore(party: PartyNames, text: string | null): number | null {
  if (!text) return null;
  let best: number | null = null;
  for (const n of party.names) {
    const s = n.trim() ? matchScore(n, text) : null;
    if (s !== null && (best === null || s > best)) best = s;
  }
  return best;
}

/**
 * Every suggested link of each advertiser, best first: one per party, on the strongest basis.
 * `knownElsewhere` gives, per advertiser key, the parties it was confirmed for in other elections.
 */
export function suggestLinks(
  advertisers: readonly AdvertiserFacts[],
  parties: readonly PartyNames[],
  knownElsewhere: ReadonlyMap<string, readonly string[]> = new Map(),
): Suggestion[] {
  const out: Suggestion[] = [];
  for (const a of advertisers) {
    const found: Suggestion[] = [];
    for (const p of parties) {
      if (knownElsewhere.get(a.key)?.includes(p.registrationNumber)) {
        found.push({ key: a.key, party: p.registrationNumber, basis: 'page_id', score: PAGE_ID_SCORE });
        continue;
      }
      const byName = bestScore(p, a.name);
      const byDisclaimer = bestScore(p, a.disclaimer);
      if (byName === null && byDisclaimer === null) continue;
      found.push(
        (byName ?? -1) >= (byDisclaimer ?? -1)
          ? { key: a.key, party: p.registrationNumber, basis: 'name', score: byName ?? 0 }
          : { key: a.key, party: p.registrationNumber, basis: 'disclaimer', score: byDisclaimer ?? 0 },
      );
    }
    out.push(...found.sort((x, y) => y.score - x.score || x.party.localeCompare(y.party)));
  }
  return out;
}
