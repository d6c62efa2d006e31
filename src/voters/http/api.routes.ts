// The lookup in the public API: PIN and the surname's first letters → the polling station and the
// biometric status, or 404 whatever did not match. Limited per client; answers are never cached.
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.ts';
import { ApiError, notFound, type ApiInstance } from '../../platform/api/api-http.ts';
import {
  badRequestResponse,
  ErrorBody,
  jsonResponse,
  LocalizedText,
  notFoundResponse,
} from '../../platform/api/common.schemas.ts';
import { readLookupQuery } from '../core/lookup.ts';
import { lookupVoter } from '../lookup.service.ts';
import { limitPerClient } from './rate-limit.ts';

export const VOTERS_API_TAG = {
  name: 'Voters',
  description:
    'Where a voter votes: the polling station and whether the voter’s biometric data is registered, found by the PIN and at least the first three letters of the surname (Cyrillic or Latin). Limited per client.',
};

const LookupQuery = z.object({
  pin: z
    .string()
    .describe('The voter’s personal identification number (14 digits). The example is a synthetic demo voter.')
    .meta({ examples: ['11503199099001'] }),
  surname: z
    .string()
    .max(100)
    .describe('At least the first three letters of the surname, in Cyrillic or Latin letters.')
    .meta({ examples: ['Аса'] }),
});

export const VoterStation = z
  .object({
    station: z
      .object({
        number: z.string().describe('The polling station’s number.'),
        name: LocalizedText,
        address: LocalizedText,
        country: z.string().describe('ISO 3166-1 alpha-2; KG inside the country.'),
        city: z.string().describe('The city or town of the station.'),
        hours: z.string().describe('Opening hours on election day.'),
      })
      .describe('The polling station.'),
    biometricRegistered: z.boolean().describe('Whether the voter’s biometric data is registered.'),
  })
  .meta({ id: 'VoterStation', description: 'Where a voter votes.' });

export async function votersApi(api: ApiInstance, ctx: AppContext): Promise<void> {
  await api.register(async (plain) => {
    await limitPerClient(plain, ctx.config.voters.lookupLimitPerMinute);
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.get(
      '/v1/voters/lookup',
      {
        schema: {
          operationId: 'lookupVoter',
          tags: [VOTERS_API_TAG.name],
          summary: 'Find a voter’s polling station',
          description:
            'Answers only when the PIN and the surname’s first letters both match a voter of the current list; otherwise 404, the same for a PIN that is not in the list and for one whose surname does not match. Answers carry `Cache-Control: no-store`.',
          querystring: LookupQuery,
          response: {
            200: jsonResponse('The voter’s station and biometric status.', VoterStation),
            ...badRequestResponse,
            ...notFoundResponse,
            429: jsonResponse('Too many lookups from this client; see Retry-After.', ErrorBody),
          },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store');
        const q = readLookupQuery(req.query.pin, req.query.surname);
        if (!q.ok) throw new ApiError(400, 'invalid_request', q.error.map((p) => p.message).join(' '));
        const a = await lookupVoter(ctx, q.value, { details: false });
        if (!a.found) throw notFound('No voter matches this PIN and surname.');
        const s = a.station;
        return {
          station: {
            number: s.number,
            name: s.name,
            address: s.address,
            country: s.country,
            city: s.city,
            hours: s.hours,
          },
          biometricRegistered: a.biometricRegistered,
        };
      },
    );
  });
}
