// What happens in one capability that others act upon. Events are named in the past tense, after
// what the law or the users call the act; payloads are plain data, never rows or services.
export interface DomainEvents {
  /** A finance report (a new version of a chain) was filed and is now the public record. */
  'filing.filed': { electionId: string; partyRegistrationNumber: string; filingId: number; actor: string };
  /**
   * A single-mandate candidate's fund filed a report (`fundNumber`, races/core/candidate-fund.ts). Apart
   * from `filing.filed`: the bank reconciliation and the alerts follow parties' campaigns only.
   */
  'candidate-fund.filed': { electionId: string; fundNumber: string; filingId: number; actor: string };
  /** A party's electoral fund was reconciled again with its bank's statements (a new run is stored). */
  'fund.reconciled': { electionId: string; partyRegistrationNumber: string; runId: number; actor: string };
}
