// The commands' way to open the configured application: the configuration and the database are
// loaded only when a command needs them, so that commands working on files alone start without them.
import type { AppContext } from './app-context.ts';

/** Opens the configured database for the length of `fn`, and closes it afterwards whatever happens. */
export async function withApp<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { openApp }] = await Promise.all([import('./config.ts'), import('./bootstrap.ts')]);
  const ctx = await openApp(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await ctx.db.destroy();
  }
}
