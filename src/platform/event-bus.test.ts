import { describe, expect, it } from 'vitest';
import { EventBus } from './event-bus.ts';

interface Events {
  'thing.done': { id: number };
}

describe('EventBus', () => {
  it('runs each subscriber once even when it subscribes twice', async () => {
    const bus = new EventBus<Events>();
    const seen: number[] = [];
    bus.on('thing.done', 'a', async (p) => void seen.push(p.id));
    bus.on('thing.done', 'a', async (p) => void seen.push(p.id * 10));
    await bus.emit('thing.done', { id: 2 }, () => undefined);
    expect(seen).toEqual([20]);
  });

  it('reports a failing subscriber and still runs the others', async () => {
    const bus = new EventBus<Events>();
    const seen: string[] = [];
    bus.on('thing.done', 'bad', async () => {
      throw new Error('boom');
    });
    bus.on('thing.done', 'good', async () => void seen.push('good'));
    const errors: string[] = [];
    await bus.emit('thing.done', { id: 1 }, (s, e) => errors.push(`${s}: ${String(e)}`));
    expect(seen).toEqual(['good']);
    expect(errors).toEqual(['bad: Error: boom']);
  });
});
