// The in-process event bus held on the application context. Subscriptions are keyed by the
// subscriber's name, so wiring the same capability twice (two servers built on one context, a test
// that builds the app again) replaces its handler instead of running it twice.
import type { DomainEvents } from '../domain/events.ts';

export type EventHandler<P> = (payload: P) => Promise<void>;

export class EventBus<M extends object = DomainEvents> {
  private readonly handlers = new Map<keyof M, Map<string, EventHandler<never>>>();

  /** Subscribes `subscriber` to `event`; a second call with the same subscriber replaces the first. */
  on<K extends keyof M>(event: K, subscriber: string, handler: EventHandler<M[K]>): void {
    let byName = this.handlers.get(event);
    if (!byName) {
      byName = new Map();
      this.handlers.set(event, byName);
    }
    byName.set(subscriber, handler as EventHandler<never>);
  }

  /**
   * Runs every handler of `event` in subscription order. The act that raised the event has already
   * happened: a handler's failure is reported to `onError` and does not undo it or stop the others.
   */
  async emit<K extends keyof M>(
    event: K,
    payload: M[K],
    onError: (subscriber: string, error: unknown) => void,
  ): Promise<void> {
    const byName = this.handlers.get(event);
    if (!byName) return;
    for (const [subscriber, handler] of byName) {
      try {
        await (handler as EventHandler<M[K]>)(payload);
      } catch (e) {
        onError(subscriber, e);
      }
    }
  }

  subscribers<K extends keyof M>(event: K): string[] {
    return [...(this.handlers.get(event)?.keys() ?? [])];
  }
}
