// Suggestions across scripts: a Latin page name finds the party registered in Cyrillic and the other
// way round, a disclaimer finds the party when the page's name does not, a page id confirmed in another
// election beats any name, and a page of nobody's gets no suggestion.
import { describe, expect, it } from 'vitest';
import { suggestLinks, type PartyNames } from './matching.ts';

const PARTIES: PartyNames[] = [
  { registrationNumber: 'AJ', names: ['Ата-Журт Кыргызстан', 'Ата-Журт'] },
  { registrationNumber: 'MK', names: ['Мекеним Кыргызстан'] },
  { registrationNumber: 'BR', names: ['Биримдик'] },
];

describe('suggestLinks', () => {
  it('matches names across scripts and romanisations', () => {
    const s = suggestLinks(
      [
        { key: 'k1', name: 'Ata-Jurt Kyrgyzstan', disclaimer: null },
        { key: 'k2', name: 'Mekenim Kyrgyzstan, party', disclaimer: null },
        { key: 'k3', name: 'Birimdik', disclaimer: null },
      ],
      PARTIES,
    );
    expect(s.filter((x) => x.key === 'k1')[0]).toMatchObject({ party: 'AJ', basis: 'name' });
    expect(s.filter((x) => x.key === 'k2')[0]).toMatchObject({ party: 'MK', basis: 'name' });
    expect(s.filter((x) => x.key === 'k3').map((x) => x.party)).toEqual(['BR']);
  });

  it('uses the disclaimer when the page name says nothing, and the page id above all', () => {
    const s = suggestLinks(
      [
        { key: 'fans', name: 'Жаштар үнү', disclaimer: 'Birimdik partiyasy' },
        { key: 'meta:id:9', name: 'Жаштар үнү', disclaimer: null },
        { key: 'nobody', name: 'Bishkek news', disclaimer: 'Bishkek news' },
      ],
      PARTIES,
      new Map([['meta:id:9', ['MK']]]),
    );
    expect(s.filter((x) => x.key === 'fans')).toMatchObject([{ party: 'BR', basis: 'disclaimer' }]);
    expect(s.filter((x) => x.key === 'meta:id:9')).toMatchObject([{ party: 'MK', basis: 'page_id' }]);
    expect(s.filter((x) => x.key === 'nobody')).toEqual([]);
  });
});
