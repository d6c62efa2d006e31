import { expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { PartyInfo } from './party.page.tsx';
import { partySchema, type Participation, type Party } from '../../domain/election.ts';

const party = (website: string): Party => ({
  registrationNumber: '1',
  name: { ky: 'P', ru: 'P', en: 'P' },
  shortName: { ky: 'P', ru: 'P', en: 'P' },
  leader: '',
  foundedOn: null,
  address: '',
  phone: '',
  website,
  logoBlobKey: null,
});
const participation: Participation = {
  electionId: 'e',
  partyRegistrationNumber: '1',
  ballotNumber: 1,
  status: 'registered',
  statusDate: null,
  statusReason: '',
};

it('links a party website only when it is http or https, whatever stored it', () => {
  for (const evil of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>x</script>']) {
    const html = renderToString(<PartyInfo l="en" party={party(evil)} participation={participation} />);
    expect(html).not.toMatch(/href="\s*(javascript|data):/i);
    expect(html).not.toContain('<a href');
  }
  const ok = renderToString(<PartyInfo l="en" party={party('https://party.example')} participation={participation} />);
  expect(ok).toContain('<a href="https://party.example/"');
});

it('refuses a website that is not http or https at the edge', () => {
  expect(partySchema.safeParse(party('javascript:alert(1)')).success).toBe(false);
  expect(partySchema.safeParse(party('https://party.example')).success).toBe(true);
  expect(partySchema.safeParse(party('')).success).toBe(true);
});
