// Elections, parties, participations, candidates and programmes: the public record of who stands.
import { z } from 'zod';
import { plainText } from '../platform/plain-text.ts';

export const localeSchema = z.enum(['ky', 'ru', 'en']);
export type Locale = z.infer<typeof localeSchema>;
export const LOCALES: readonly Locale[] = ['ky', 'ru', 'en'];

export const localizedSchema = z.object({ ky: z.string(), ru: z.string(), en: z.string() });
export type Localized = z.infer<typeof localizedSchema>;

const isoDate = z.iso.date();

export const electionKindSchema = z.enum(['parliamentary', 'presidential', 'local']);
export const electionStatusSchema = z.enum(['called', 'campaign', 'voting', 'results', 'annulled', 'closed']);

export const electionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: electionKindSchema,
  name: localizedSchema,
  electionDay: isoDate,
  calledOn: isoDate,
  campaignStart: isoDate,
  campaignEnd: isoDate,
  seats: z.number().int().positive(),
  /** National threshold in basis points (7% = 700) so that it stays an integer. */
  thresholdBasisPoints: z.number().int().min(0).max(10_000),
  status: electionStatusSchema,
  rulesProfileId: z.string(),
  /** Demo elections say on every page that their people and money are synthetic. */
  synthetic: z.boolean().default(false),
});
export type Election = z.infer<typeof electionSchema>;

export const partySchema = z.object({
  /** The registration number at the Ministry of Justice: the canonical id of a party. */
  registrationNumber: z.string().min(1).max(40),
  name: localizedSchema,
  shortName: localizedSchema,
  leader: z.string().default(''),
  foundedOn: isoDate.nullable().default(null),
  /** The party's registered office, a public address (not a person's home). */
  address: z.string().default(''),
  phone: z.string().default(''),
  /** Empty, or an http or https address: anything else would become a link that runs code. */
  website: z
    .string()
    .regex(/^(https?:\/\/\S+)?$/i, 'An address starting with http:// or https://.')
    .default(''),
  /** SVG or PNG logo as a data: URL-free byte string is stored as a blob; this is its blob key. */
  logoBlobKey: z.string().nullable().default(null),
});
export type Party = z.infer<typeof partySchema>;

export const participationStatusSchema = z.enum(['registered', 'withdrawn', 'deregistered']);
export const participationSchema = z.object({
  electionId: z.string(),
  partyRegistrationNumber: z.string(),
  ballotNumber: z.number().int().positive().nullable(),
  status: participationStatusSchema,
  statusDate: isoDate.nullable().default(null),
  statusReason: z.string().default(''),
});
export type Participation = z.infer<typeof participationSchema>;

export const sexSchema = z.enum(['female', 'male']);
export type Sex = z.infer<typeof sexSchema>;
export const candidateStatusSchema = z.enum(['registered', 'withdrawn', 'deregistered']);

export const candidateSchema = z.object({
  electionId: z.string(),
  partyRegistrationNumber: z.string(),
  listPosition: z.number().int().positive(),
  nameKy: plainText(z.string().min(1)),
  nameRu: plainText(z.string().min(1)),
  nameLatin: plainText(z.string().min(1)),
  birthDate: isoDate,
  sex: sexSchema,
  occupation: plainText(z.string()).default(''),
  /** Settlement or district only: a home address is never stored here. */
  placeOfResidence: plainText(z.string()).default(''),
  ethnicMinority: z.boolean(),
  disability: z.boolean(),
  status: candidateStatusSchema,
  withdrawnOn: isoDate.nullable().default(null),
  /** Personal identification number: stored for the commission, never published. */
  pin: z.string().regex(/^\d{14}$/),
});
export type Candidate = z.infer<typeof candidateSchema>;
/** What may leave the platform about a candidate. */
export type PublicCandidate = Omit<Candidate, 'pin'> & { id: number };

export const programmeSchema = z.object({
  electionId: z.string(),
  partyRegistrationNumber: z.string(),
  text: localizedSchema,
  pdfBlobKey: z.string().nullable().default(null),
});
export type Programme = z.infer<typeof programmeSchema>;
