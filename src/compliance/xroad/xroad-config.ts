// Configuration of the X-Road (Tunduk) client, parsed once at the edge: our security server, our client
// subsystem, the user the requests are made for, and per registry service its X-Road identifier, the path
// under it with `{id}` for the identity number, and its own timeout and retries if it needs them.
import { z } from 'zod';

const part = z
  .string()
  .min(1)
  .regex(/^[^/]+$/, 'no slash in an X-Road identifier part');

export const subsystemIdSchema = z.object({
  instance: part,
  memberClass: part,
  memberCode: part,
  subsystem: part,
});
export type SubsystemId = z.infer<typeof subsystemIdSchema>;

export const xroadServiceSchema = subsystemIdSchema.extend({
  /** The service code, with its version if the provider publishes one (`persons.v1`). */
  serviceCode: part,
  /** Path after the service identifier; `{id}` is replaced by the (URL-encoded) identity number. */
  path: z.string().startsWith('/').default('/{id}'),
  timeoutMs: z.number().int().positive().optional(),
  retries: z.number().int().min(0).max(10).optional(),
});
export type XRoadService = z.infer<typeof xroadServiceSchema>;

export const xroadConfigSchema = z.object({
  /** Our own security server, e.g. `https://ss.cec.local`. */
  securityServer: z.url(),
  client: subsystemIdSchema,
  /** Sent as X-Road-UserId: who the requests are made for (the commission's user or system). */
  userId: z.string().min(1),
  timeoutMs: z.number().int().positive().default(5000),
  retries: z.number().int().min(0).max(10).default(2),
  backoffMs: z.number().int().min(0).default(250),
  /** At most this many requests at once to the security server. */
  concurrency: z.number().int().positive().max(64).default(8),
  services: z.record(z.string(), xroadServiceSchema),
});
export type XRoadConfig = z.infer<typeof xroadConfigSchema>;

/** `instance/memberClass/memberCode/subsystem`, as the X-Road-Client header and the URL carry it. */
export function subsystemPath(id: SubsystemId): string {
  return [id.instance, id.memberClass, id.memberCode, id.subsystem].map(encodeURIComponent).join('/');
}

export function serviceUrl(config: XRoadConfig, service: XRoadService, id: string): string {
  const base = config.securityServer.replace(/\/+$/, '');
  const path = service.path.replaceAll('{id}', encodeURIComponent(id));
  return `${base}/r1/${subsystemPath(service)}/${encodeURIComponent(service.serviceCode)}${path}`;
}
