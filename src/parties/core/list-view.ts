// How a visitor looks at a party's candidate list on its public page: sorted by list position, name
// or birth date, filtered by sex and status, all through plain links and a GET form. Pure.
import { z } from 'zod';
import type { Locale, PublicCandidate } from '../../domain/election.ts';

/** The page's query; anything it does not know is the default, never an error. */
export const ListViewQuery = z.object({
  sort: z.enum(['position', 'name', 'birthDate']).catch('position'),
  sex: z.enum(['', 'female', 'male']).catch(''),
  status: z.enum(['', 'registered', 'withdrawn']).catch(''),
});
export type ListView = z.infer<typeof ListViewQuery>;

export const DEFAULT_LIST_VIEW: ListView = { sort: 'position', sex: '', status: '' };

export function listViewOf(query: unknown): ListView {
  const r = ListViewQuery.safeParse(query);
  return r.success ? r.data : DEFAULT_LIST_VIEW;
}

const nameIn = (c: PublicCandidate, l: Locale) => (l === 'ky' ? c.nameKy : l === 'ru' ? c.nameRu : c.nameLatin);

/** The candidates the view shows, in its order; names compare by the rules of the page's language. */
export function shownCandidates(all: readonly PublicCandidate[], view: ListView, locale: Locale): PublicCandidate[] {
  const collator = new Intl.Collator(locale);
  return all
    .filter((c) => (!view.sex || c.sex === view.sex) && (!view.status || c.status === view.status))
    .sort((a, b) =>
      view.sort === 'name'
        ? collator.compare(nameIn(a, locale), nameIn(b, locale))
        : view.sort === 'birthDate'
          ? a.birthDate.localeCompare(b.birthDate) || a.listPosition - b.listPosition
          : a.listPosition - b.listPosition,
    );
}
