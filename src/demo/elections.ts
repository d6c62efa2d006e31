// The three demo elections: the real 2020 and 2021 Jogorku Kenesh elections (real dates, domain notes
// §6) and one synthetic future election whose ballot lottery has not been drawn yet, for live demos.
import type { Election } from '../domain/election.ts';

/** 2020: dates, seats, threshold and the annulment exactly as in the domain notes §6. */
export const ELECTION_2020: Election = {
  id: 'kg-2020-parliament',
  kind: 'parliamentary',
  name: {
    ky: 'Жогорку Кеңештин депутаттарын шайлоо, 2020-жылдын 4-октябры',
    ru: 'Выборы депутатов Жогорку Кенеша, 4 октября 2020 года',
    en: 'Election of deputies of the Jogorku Kenesh, 4 October 2020',
  },
  electionDay: '2020-10-04',
  calledOn: '2020-07-03',
  campaignStart: '2020-09-04',
  // The campaign ended at 08:00 on 3 October, the day of silence; the schema keeps dates only.
  campaignEnd: '2020-10-03',
  seats: 120,
  thresholdBasisPoints: 700,
  // The CEC annulled the results on 6 October 2020.
  status: 'annulled',
  rulesProfileId: 'kg-2020-parliament',
  synthetic: true,
};

/**
 * 2021: 90 seats in all, 54 by party lists and 36 in single-mandate districts. The demo models only
 * the list part, so `seats` is 54 and the name says so. Called by presidential decree of 29 August
 * 2021; campaign 29 October to 08:00 on 27 November 2021 (CEC, via 24.kg). Threshold 5%.
 */
export const ELECTION_2021: Election = {
  id: 'kg-2021-parliament',
  kind: 'parliamentary',
  name: {
    ky: 'Жогорку Кеңештин депутаттарын шайлоо, 2021-жылдын 28-ноябры (партиялык тизмелер: 90 мандаттын 54ү)',
    ru: 'Выборы депутатов Жогорку Кенеша, 28 ноября 2021 года (партийные списки: 54 из 90 мандатов)',
    en: 'Election of deputies of the Jogorku Kenesh, 28 November 2021 (party lists: 54 of 90 seats)',
  },
  electionDay: '2021-11-28',
  calledOn: '2021-08-29',
  campaignStart: '2021-10-29',
  campaignEnd: '2021-11-27',
  seats: 54,
  thresholdBasisPoints: 500,
  status: 'closed',
  rulesProfileId: 'kg-2021-parliament',
  synthetic: true,
};

/**
 * A SYNTHETIC future election: parties registered, ballot order not yet drawn, so that the lottery
 * can be run live in a demo. Uses the newest rules profile.
 */
export const ELECTION_LIVE_DRAW: Election = {
  id: 'demo-live-draw',
  kind: 'parliamentary',
  name: {
    ky: 'Демо шайлоо: партиялардын бюллетендеги тартибин чүчү кулак менен аныктоо (синтетикалык)',
    ru: 'Демо-выборы: жеребьёвка порядка партий в бюллетене (синтетические)',
    en: 'Demo election: live ballot-order lottery (synthetic)',
  },
  electionDay: '2027-03-01',
  calledOn: '2026-12-01',
  campaignStart: '2027-01-29',
  campaignEnd: '2027-02-28',
  seats: 54,
  thresholdBasisPoints: 500,
  status: 'called',
  rulesProfileId: 'kg-2021-parliament',
  synthetic: true,
};

export const DEMO_ELECTIONS: readonly Election[] = [ELECTION_2020, ELECTION_2021, ELECTION_LIVE_DRAW];
