// Shapes shared by every resource of the public JSON API: localized text, the error body, the
// pagination envelope and the parameters that several routes take. Each named schema becomes a
// component of the OpenAPI document, so a field is described once and everywhere the same.
import { z } from 'zod';

export const LocalizedText = z
  .object({
    ky: z.string().describe('In Kyrgyz (Cyrillic script).'),
    ru: z.string().describe('In Russian.'),
    en: z.string().describe('In English.'),
  })
  .meta({
    id: 'LocalizedText',
    description: 'One text in the three languages of the platform; a missing translation is an empty string.',
  });

export const ErrorDetail = z
  .object({
    in: z.string().optional().describe('Where the problem is: `querystring`, `params` or `body`.'),
    path: z.array(z.string()).describe('Path of the offending field inside that part, e.g. `["limit"]`.'),
    code: z.string().describe('Machine-readable kind of problem, e.g. `too_big`, `invalid_value`.'),
    message: z.string().describe('What is wrong, in English.'),
  })
  .meta({ id: 'ErrorDetail', description: 'One problem with a request parameter.' });

export const ErrorBody = z
  .object({
    error: z
      .object({
        code: z
          .string()
          .describe(
            'Stable machine-readable code: `invalid_request`, `invalid_cursor`, `not_found`, `internal_error`.',
          ),
        message: z.string().describe('Plain-language explanation, in English.'),
        details: z
          .array(ErrorDetail)
          .optional()
          .describe('For `invalid_request`: every problem found, not only the first.'),
      })
      .describe('What went wrong.'),
  })
  .meta({ id: 'Error', description: 'Every error of the API has this body, whatever the status code.' });
export type ErrorBodyT = z.infer<typeof ErrorBody>;

export const Pagination = z
  .object({
    limit: z.number().int().positive().describe('The page size that was applied.'),
    nextCursor: z
      .string()
      .nullable()
      .describe('Opaque token for the next page; pass it back as `cursor`. `null` on the last page.'),
    next: z
      .string()
      .meta({ format: 'uri-reference' })
      .nullable()
      .describe('The URL of the next page (same filters and sort), or `null` on the last page.'),
  })
  .meta({
    id: 'Pagination',
    description:
      'Keyset pagination: a page ends where the next one starts, so walking `next` links visits every row exactly once even while rows are added.',
  });

/** The page size and cursor every keyset listing of the API takes; each listing adds its sort and filters. */
export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Page size, 1–500.'),
  cursor: z
    .string()
    .min(1)
    .max(500)
    .optional()
    .describe('`nextCursor` of the previous page. Keep `sort`, `order` and filters unchanged while walking.'),
};

/** Query parameter examples come from the demo dataset, so the docs page's curl lines work on a demo instance. */
export const electionIdParam = z
  .string()
  .min(1)
  // Below the router's limit on path parameters (100), so an overlong id gets this API's 400.
  .max(80)
  .describe('Election id, e.g. `kg-2021-parliament`.')
  .meta({ examples: ['kg-2021-parliament'] });

export const registrationNumberParam = z
  .string()
  .min(1)
  .max(40)
  .describe("The party's registration number at the Ministry of Justice, its permanent id.")
  .meta({ examples: ['10021-3301-PP'] });

export const ElectionPathParams = z.object({ electionId: electionIdParam });
export const PartyPathParams = z.object({ electionId: electionIdParam, registrationNumber: registrationNumberParam });

/**
 * A documented JSON response: the description names the response in the OpenAPI document and the
 * schema stays a `$ref` to its component (a `.describe()` on the schema itself would copy it inline).
 */
export function jsonResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } };
}

export const notFoundResponse = { 404: jsonResponse('No such resource.', ErrorBody) };
export const badRequestResponse = {
  400: jsonResponse('Invalid parameters; `details` lists every problem.', ErrorBody),
};

/** The answers of a look-up by path and query: the thing itself, bad parameters, or nothing there. */
export function lookupResponses<T extends z.ZodType>(description: string, schema: T) {
  return { 200: jsonResponse(description, schema), ...lookupFailures };
}

/** A look-up's failures, beside a success answer of another kind (a file). */
export const lookupFailures = { ...badRequestResponse, ...notFoundResponse };

/** The name of the API's token scheme in the OpenAPI document. */
export const BEARER_SCHEME = 'bearerToken';

export const BEARER = {
  type: 'http',
  scheme: 'bearer',
  description:
    'An API token of an account allowed to write (a party treasurer), sent as `Authorization: Bearer <token>`.',
} as const;

/** The `security` of an operation that needs a token. */
export const BEARER_SECURITY = [{ [BEARER_SCHEME]: [] }];
