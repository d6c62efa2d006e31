// The shape every public voter route shares: a locale in the address, no sign-in; a form is posted.
import { z } from 'zod';
import { localeSchema } from '../../domain/election.ts';
import { publicGet, route, type RouteDef, type RouteSpec } from '../../platform/web/index.ts';

export const LocaleOnly = z.object({ locale: localeSchema });
type LocaleParams = typeof LocaleOnly;
type FormSchema = z.ZodObject<Record<string, z.ZodType>>;

/** A public page at `/:locale/…`. */
export function localePage(
  id: string,
  url: string,
  handler: RouteSpec<string, unknown, LocaleParams, undefined, undefined, undefined>['handler'],
): RouteDef {
  return publicGet(id, url, LocaleOnly, handler);
}

/** A public form posted to `/:locale/…`: the handler gets the form's Result, to show it again when refused. */
export function localeForm<FS extends FormSchema>(
  id: string,
  url: string,
  form: FS,
  handler: RouteSpec<string, unknown, LocaleParams, undefined, undefined, FS>['handler'],
): RouteDef {
  return route<string, unknown, LocaleParams, undefined, undefined, FS>({
    id,
    method: 'POST',
    url,
    access: { kind: 'public' },
    params: LocaleOnly,
    form,
    handler,
  });
}
