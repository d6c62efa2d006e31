// Types for the browser verifier (verify-draw.client.js), so that TypeScript tests can import it.

export interface VerifyStep {
  label: string;
  /** What the record says. */
  expected: string;
  /** What the browser computed from the participants and the observers' rolls. */
  computed: string;
  ok: boolean;
}

export type VerifyLabels = Partial<
  Record<
    | 'record'
    | 'timeline'
    | 'commitment'
    | 'seed'
    | 'seedLength'
    | 'ticket'
    | 'order'
    | 'ballotNumber'
    | 'recordSays'
    | 'recomputed'
    | 'verified'
    | 'failed',
    string
  >
>;

export function sha256Hex(text: string): Promise<string>;
export function sha256Uniform(text: string): Promise<string>;
export function compareCodePoints(a: string, b: string): number;
export function trim(x: string, digits: number): string;
export function drawOrder(ids: readonly string[], seed: string): Promise<{ id: string; ticket: string }[]>;
export function canonicalParticipantsJson(participants: readonly { id: string; name: string }[]): string;
export function verifyDrawInBrowser(
  record: unknown,
  labels?: VerifyLabels,
): Promise<{ ok: boolean; steps: VerifyStep[] }>;
export function wireVerifyButton(doc: Document): void;
