import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkInn, checkPin } from './identity-numbers.ts';

const TODAY = '2021-11-28';

describe('checkPin', () => {
  it('reads sex and date of birth from a well-formed PIN', () => {
    expect(checkPin('21503198500123', TODAY)).toEqual({ status: 'valid', sex: 'male', birthDate: '1985-03-15' });
    expect(checkPin('10102200012345', TODAY)).toEqual({ status: 'valid', sex: 'female', birthDate: '2000-02-01' });
  });

  it('accepts 29 February only in leap years', () => {
    expect(checkPin('12902200000001', TODAY).status).toBe('valid');
    expect(checkPin('12902190000001', TODAY)).toEqual({ status: 'invalid', reason: 'date_not_real' });
    expect(checkPin('12902199600001', TODAY).status).toBe('valid');
  });

  it('refuses dates that do not exist', () => {
    for (const pin of ['13204199000001', '10013199000001', '10000199000001', '13104199000001', '11501000000001']) {
      expect(checkPin(pin, TODAY)).toEqual({ status: 'invalid', reason: 'date_not_real' });
    }
  });

  it('refuses a date of birth after today, but accepts today itself', () => {
    expect(checkPin('12911202100001', TODAY)).toEqual({ status: 'invalid', reason: 'date_in_future' });
    expect(checkPin('12811202100001', TODAY).status).toBe('valid');
  });

  it('explains wrong length and non-digits', () => {
    expect(checkPin('2150319850012', TODAY)).toEqual({ status: 'invalid', reason: 'length' });
    expect(checkPin('215031985001234', TODAY)).toEqual({ status: 'invalid', reason: 'length' });
    expect(checkPin('', TODAY)).toEqual({ status: 'invalid', reason: 'length' });
    expect(checkPin('2150319850012A', TODAY)).toEqual({ status: 'invalid', reason: 'not_digits' });
    expect(checkPin('2150 319850012', TODAY)).toEqual({ status: 'invalid', reason: 'not_digits' });
    expect(checkPin('２１５０３１９８５００１２３', TODAY)).toEqual({ status: 'invalid', reason: 'not_digits' });
  });

  it('marks other first digits as unverified, not invalid', () => {
    for (const first of ['0', '3', '4', '5', '6', '7', '8', '9']) {
      expect(checkPin(`${first}1503198500123`, TODAY)).toEqual({ status: 'unverified', reason: 'unknown_prefix' });
    }
    // Even when digits 2–9 are no date: we do not know how such numbers are built.
    expect(checkPin('39999999999999', TODAY).status).toBe('unverified');
  });

  it('throws on a malformed today: that is a bug in the caller, not bad input', () => {
    expect(() => checkPin('21503198500123', '28.11.2021')).toThrow(RangeError);
  });

  it('accepts every real past date of birth (property)', () => {
    const dates = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date(`${TODAY}T00:00:00Z`),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(fc.constantFrom('1', '2'), dates, fc.integer({ min: 0, max: 99_999 }), (sex, d, serial) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-') as [string, string, string];
        const pin = `${sex}${day}${m}${y}${String(serial).padStart(5, '0')}`;
        expect(checkPin(pin, TODAY)).toEqual({ status: 'valid', sex: sex === '1' ? 'female' : 'male', birthDate: iso });
      }),
    );
  });
});

describe('checkInn', () => {
  it('checks 14 digits only', () => {
    expect(checkInn('02504200910123')).toEqual({ status: 'valid' });
    expect(checkInn('0250420091012')).toEqual({ status: 'invalid', reason: 'length' });
    expect(checkInn('025042009101234')).toEqual({ status: 'invalid', reason: 'length' });
    expect(checkInn('0250420091012X')).toEqual({ status: 'invalid', reason: 'not_digits' });
    expect(checkInn('')).toEqual({ status: 'invalid', reason: 'length' });
  });

  it('accepts a PIN as an INN: for individuals the PIN is the TIN', () => {
    expect(checkInn('21503198500123')).toEqual({ status: 'valid' });
  });
});
