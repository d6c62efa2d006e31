// Which adapter answers which registry is configuration: this port asks each kind of question of the
// adapter named for it (imported snapshots or X-Road) and puts the answers together, so the rules see one
// set of answers whatever their sources.
import type { RegistryAnswers, RegistryKind, RegistryPort, SnapshotRef } from './core/registry.ts';

export type RegistryRoutes = Partial<Record<RegistryKind, RegistryPort>>;

export class RoutedRegistry implements RegistryPort {
  constructor(private readonly routes: RegistryRoutes) {}

  async lookup(query: { pins: readonly string[]; inns: readonly string[] }): Promise<RegistryAnswers> {
    // Each adapter is asked once, however many kinds it answers.
    const adapters = [...new Set(Object.values(this.routes))];
    const answers = new Map<RegistryPort, RegistryAnswers>();
    await Promise.all(adapters.map(async (a) => answers.set(a, await a.lookup(query))));
    const from = (kind: RegistryKind): RegistryAnswers | undefined => {
      const a = this.routes[kind];
      return a ? answers.get(a) : undefined;
    };
    const consulted: SnapshotRef[] = [];
    for (const kind of Object.keys(this.routes) as RegistryKind[]) {
      for (const s of from(kind)?.consulted ?? []) if (s.kind === kind) consulted.push(s);
    }
    return {
      persons: from('persons')?.persons ?? new Map(),
      entities: from('entities')?.entities ?? new Map(),
      arrears: from('arrears')?.arrears ?? new Map(),
      stateBodies: from('state-bodies')?.stateBodies ?? new Map(),
      consulted,
    };
  }
}
