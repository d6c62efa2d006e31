// Every capability of the application, in the order the server registers them and the demo loads their
// content: the lottery's draws need the parties, the bank statements are made from the money the finance
// reports declare, and the compliance checks read both. Page sections carry their own order; the staff navigation follows this list.
import type { Capability } from './platform/capability.ts';
import { elections } from './elections/index.ts';
import { parties } from './parties/index.ts';
import { candidates } from './candidates/index.ts';
import { races } from './races/index.ts';
import { programmes } from './programmes/index.ts';
import { search } from './search/index.ts';
import { downloads } from './downloads/index.ts';
import { activity } from './activity/index.ts';
import { lottery } from './lottery/index.ts';
import { filings } from './filings/index.ts';
import { annualReports } from './annual-reports/index.ts';
import { finance } from './finance/index.ts';
import { bankStatements } from './bank-statements/index.ts';
import { accounts } from './accounts/index.ts';
import { training } from './training/index.ts';
import { compliance } from './compliance/index.ts';
import { ads } from './ads/index.ts';
import { explore } from './explore/index.ts';
import { transparencyLog } from './transparency-log/index.ts';
import { voters } from './voters/index.ts';
import { alerts } from './alerts/index.ts';

export const CAPABILITIES: readonly Capability[] = [
  elections,
  parties,
  candidates,
  races,
  programmes,
  search,
  downloads,
  activity,
  lottery,
  filings,
  annualReports,
  finance,
  bankStatements,
  compliance,
  ads,
  explore,
  transparencyLog,
  voters,
  alerts,
  training,
  accounts,
];
