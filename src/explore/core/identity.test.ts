import { describe, expect, it } from 'vitest';
import { digitsOf, donorIdentity, identifierOf, isIdentifier, normalisedName, payeeIdentity } from './identity.ts';

const KEY = Buffer.from('one installation’s key, long enough');
const OTHER_KEY = Buffer.from('another installation’s key, as long');
const PIN = '12503199012345';

describe('identity', () => {
  it('gives one identifier to one PIN however the name or the number is written', () => {
    const ids = [
      { name: 'Асанова Асель', pin: PIN },
      { name: 'Asanova Asel', pin: `${PIN.slice(0, 5)} ${PIN.slice(5)}` },
      { name: 'АСАНОВА А.', pin: `${PIN.slice(0, 7)}-${PIN.slice(7)}` },
      { name: 'Асанова Асель', pin: null, inn: PIN },
    ].map((d) => donorIdentity(KEY, { donorType: 'individual', inn: null, ...d }));
    expect(new Set(ids.map((i) => i.id)).size).toBe(1);
    expect(ids[0]).toMatchObject({ basis: 'number', inn: null });
    expect(isIdentifier(ids[0]!.id)).toBe(true);
  });

  it('never outputs a PIN, and cannot be matched without the key', () => {
    const d = donorIdentity(KEY, { donorType: 'individual', name: 'A', pin: PIN, inn: PIN });
    expect(JSON.stringify(d)).not.toContain(PIN);
    expect(d.id).not.toBe(donorIdentity(OTHER_KEY, { donorType: 'individual', name: 'A', pin: PIN, inn: null }).id);
    // A person listed as a legal entity with a PIN in the INN field: the number is withheld.
    expect(donorIdentity(KEY, { donorType: 'legal_entity', name: 'A', pin: null, inn: PIN }).inn).toBeNull();
    expect(payeeIdentity(KEY, { name: 'ИП', inn: PIN })).toMatchObject({ basis: 'number', inn: null });
  });

  it('shows a legal entity’s INN and joins it across donors and payees', () => {
    const inn = '02504200910123';
    const donor = donorIdentity(KEY, { donorType: 'legal_entity', name: 'ОсОО «Принт»', pin: null, inn });
    const payee = payeeIdentity(KEY, { name: 'Print LLC', inn });
    expect(donor).toEqual({ id: payee.id, basis: 'number', inn });
  });

  it('groups lines without a number by the name folded across scripts, and marks them', () => {
    const a = donorIdentity(KEY, { donorType: 'individual', name: 'Бакиров Эрлан', pin: null, inn: null });
    const b = donorIdentity(KEY, { donorType: 'individual', name: 'Bakirov  Erlan', pin: null, inn: null });
    const c = donorIdentity(KEY, { donorType: 'individual', name: 'Бакиров Эрлан', pin: '123', inn: null });
    expect(a).toEqual(b);
    expect(a).toEqual(c);
    expect(a.basis).toBe('name');
    expect(normalisedName('  !!  ')).toBe('!!');
    // A name is never confused with a number.
    expect(identifierOf(KEY, 'name', PIN)).not.toBe(identifierOf(KEY, 'number', PIN));
    expect(digitsOf('1 2-3.4')).toBe('1234');
  });
});
