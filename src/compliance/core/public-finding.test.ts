import { describe, expect, it } from 'vitest';
import {
  analyse,
  campaign,
  entity,
  entityReceipt,
  INN_A,
  person,
  PIN_A,
  receipt,
  report,
  somT,
} from './compliance.test-support.ts';
import { commissionFinding, publicEvidence, publicFinding } from './public-finding.ts';

const findings = () =>
  analyse(
    campaign([
      report('first', {
        receipts: [
          receipt('R-1', { amount: somT(210_000), donorAddress: 'г. Бишкек, ул. Киевская, 10' }),
          receipt('R-2', { date: '2021-10-01' }),
          entityReceipt('R-3'),
        ],
      }),
    ]),
    {
      persons: [person({ birthDate: '2004-01-15', citizenship: 'RUS' })],
      entities: [entity({ legalForm: 'charity' })],
      arrears: [{ identifier: PIN_A, kind: 'tax', amount: somT(10), asOf: '2021-09-01' }],
    },
  );

describe('the public shape of a finding', () => {
  it('has the fields machines rely on, money in tyiyn, null where nothing applies', () => {
    const f = findings().find((x) => x.rule === 'cap.individual');
    if (!f) throw new Error('the cap is crossed');
    expect(Object.keys(publicFinding(f)).sort()).toEqual(
      [
        'id',
        'rule',
        'severity',
        'status',
        'party',
        'election',
        'lineIds',
        'donor',
        'amount',
        'excess',
        'remedy',
        'evidence',
      ].sort(),
    );
    expect(publicFinding(f)).toMatchObject({
      status: 'open',
      donor: { type: 'individual', name: 'Токтогулова Чынара' },
      // 210,000 + 1,000 som from one PIN over a 200,000 som cap.
      excess: somT(11_000),
      remedy: { kind: 'return_excess', amount: somT(11_000) },
    });
  });

  it('never carries an individual’s PIN, birth date or address, at any depth', () => {
    const all = findings();
    expect(all.length).toBeGreaterThan(4);
    expect(JSON.stringify(all)).toContain(PIN_A);
    const published = JSON.stringify(all.map(publicFinding));
    expect(published).not.toContain(PIN_A);
    expect(published).not.toContain('2004-01-15');
    expect(published).not.toContain('Киевская');
    // An organisation's INN is public.
    expect(published).toContain(INN_A);
  });

  it('masks a PIN typed into free text and keeps the commission’s shape whole', () => {
    expect(publicEvidence({ note: `ПИН ${PIN_A}`, identifier: PIN_A, inn: INN_A })).toEqual({
      note: 'ПИН ••••••••••••••',
      inn: INN_A,
    });
    const f = findings().find((x) => x.donor?.identifier === PIN_A);
    expect(f && commissionFinding(f).donor?.identifier).toBe(PIN_A);
    expect(f && publicFinding(f).donor).toEqual({ type: 'individual', name: 'Токтогулова Чынара' });
  });

  it('shows a recorded remedy as remedied, and a reviewed finding with its review state', () => {
    const [f] = findings();
    if (!f) throw new Error('there are findings');
    expect(publicFinding({ ...f, remedied: true }).status).toBe('remedied');
    const { remedied: _r, ...stored } = f;
    expect(publicFinding({ ...stored, status: 'confirmed' }).status).toBe('confirmed');
  });
});
