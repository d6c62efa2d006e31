import { describe, expect, it } from 'vitest';
import {
  analyse,
  campaign,
  entity,
  entityReceipt,
  expenditure,
  INN_A,
  kg2021,
  ofRule,
  PIN_A,
  PIN_B,
  receipt,
  report,
  somT,
} from '../compliance.test-support.ts';

const CAP = kg2021().finance.individualDonorCapTyiyn;
const PINS = ['20101199000011', '20101199000022', '20101199000033'];

describe('pattern.near_cap_cluster', () => {
  const family = (dates: string[], amount = CAP - somT(1_000)) =>
    dates.map((date, i) =>
      receipt(`R-${i + 1}`, {
        date,
        donorPin: PINS[i] as string,
        donorName: `Сыдыков ${['Алмаз', 'Бакыт', 'Нурбек'][i]}`,
        amount: amount as ReturnType<typeof somT>,
      }),
    );

  it('notices three donations just under the cap from one surname within a week', () => {
    const f = ofRule(
      analyse(campaign([report('first', { receipts: family(['2021-11-01', '2021-11-03', '2021-11-07']) })])),
      'pattern.near_cap_cluster',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'notice', lineIds: ['R-1', 'R-2', 'R-3'] });
    expect(f[0]?.evidence).toMatchObject({ shared: 'surname', surname: 'Сыдыков' });
  });

  it('not when they are spread out, or far below the cap', () => {
    const spread = family(['2021-11-01', '2021-11-09', '2021-11-20']);
    const small = family(['2021-11-01', '2021-11-02', '2021-11-03'], somT(1_000));
    for (const receipts of [spread, small]) {
      expect(ofRule(analyse(campaign([report('first', { receipts })])), 'pattern.near_cap_cluster')).toEqual([]);
    }
  });

  it('a shared address counts too, and the address itself is not in the evidence', () => {
    const names = ['Асанов Нурлан', 'Бекова Айгүл', 'Жумаев Эрлан'];
    const receipts = family(['2021-11-01', '2021-11-02', '2021-11-03']).map((r, i) => ({
      ...r,
      donorName: names[i] as string,
      donorAddress: 'г. Бишкек, ул. Киевская, 10',
    }));
    const [f] = ofRule(analyse(campaign([report('first', { receipts })])), 'pattern.near_cap_cluster');
    expect(f?.evidence['shared']).toBe('address');
    expect(JSON.stringify(f)).not.toContain('Киевская');
  });
});

describe('pattern.donor_many_parties', () => {
  it('notices a donor who also gave to other parties', () => {
    const input = campaign([report('first', { receipts: [receipt('R-1'), receipt('R-2', { donorPin: PIN_B })] })], {
      donorsElsewhere: new Map([
        [PIN_A, ['PP-0002', 'PP-0001']],
        [PIN_B, ['PP-0001']],
      ]),
    });
    const f = ofRule(analyse(input), 'pattern.donor_many_parties');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ lineIds: ['R-1'], evidence: { otherParties: ['PP-0002'] } });
  });
});

describe('pattern.new_payee', () => {
  it.each([
    { registeredOn: '2021-10-06', found: true },
    { registeredOn: '2021-10-05', found: false },
    { registeredOn: '2020-01-01', found: false },
  ])('a payee registered on $registeredOn, paid on 2021-11-05: $found', ({ registeredOn, found }) => {
    const input = campaign([report('first', { expenditures: [expenditure('E-1', { payeeInn: INN_A })] })]);
    const f = ofRule(analyse(input, { entities: [entity({ registeredOn })] }), 'pattern.new_payee');
    expect(f).toHaveLength(found ? 1 : 0);
    if (found) expect(f[0]?.lineIds).toEqual(['E-1']);
  });
});

describe('pattern.over_registered_capital', () => {
  it.each([
    { capital: somT(100_000), gives: somT(100_001), found: true },
    { capital: somT(100_000), gives: somT(100_000), found: false },
    { capital: somT(0), gives: somT(100_000), found: false },
  ])('capital $capital, gives $gives: $found', ({ capital, gives, found }) => {
    const input = campaign([report('first', { receipts: [entityReceipt('R-1', { amount: gives })] })]);
    const f = ofRule(
      analyse(input, { entities: [entity({ registeredCapital: capital })] }),
      'pattern.over_registered_capital',
    );
    expect(f).toHaveLength(found ? 1 : 0);
  });
});
