/**
 * The dependency graph between units (fields, columns, rules). Cycles are
 * found with Tarjan's algorithm and named as a path (`total → tax → total`);
 * the remaining formulas get a topological order and, per unit, the list of
 * units to recompute when it changes.
 */
import type { Dependency } from './check.ts';
import type { Unit } from './layout.ts';
import type { Diagnostic } from './model.ts';

export interface Dependent {
  unit: Unit;
  /** recompute every row (or the header value), not just the changed row */
  isWhole: boolean;
}

export interface Graph {
  /** formula units in evaluation order: units on a cycle (constant errors) first, then the rest */
  order: Unit[];
  /** position in `order` by unit id, -1 for inputs */
  rank: Int32Array;
  /** by unit id */
  dependents: Dependent[][];
  /** cycle path by unit id, for every unit on a cycle */
  cycles: Map<number, string>;
  diagnostics: Diagnostic[];
}

/** `dependencies[id]` lists what the formula of unit `id` reads (undefined for inputs). */
export function buildGraph(units: Unit[], dependencies: (Dependency[] | undefined)[]): Graph {
  const graph: Graph = {
    order: [],
    rank: new Int32Array(units.length).fill(-1),
    dependents: units.map(() => []),
    cycles: new Map(),
    diagnostics: [],
  };
  for (const component of stronglyConnected(units, dependencies)) {
    const isCycle =
      component.length > 1 || dependencies[component[0].id]?.some((d) => d.unit === component[0]);
    if (isCycle) reportCycle(graph, component, dependencies);
  }
  const cyclic = units.filter((unit) => graph.cycles.has(unit.id));
  for (const unit of [...cyclic, ...topologicalOrder(units, dependencies, graph.cycles)]) {
    graph.rank[unit.id] = graph.order.length;
    graph.order.push(unit);
  }
  for (const unit of graph.order) {
    if (graph.cycles.has(unit.id)) continue;
    const seen = new Map<number, Dependent>();
    for (const dependency of dependencies[unit.id] ?? []) {
      const existing = seen.get(dependency.unit.id);
      if (existing) existing.isWhole ||= dependency.isWhole;
      else seen.set(dependency.unit.id, { unit, isWhole: dependency.isWhole });
    }
    for (const [sourceId, dependent] of seen) graph.dependents[sourceId].push(dependent);
  }
  return graph;
}

function reportCycle(graph: Graph, component: Unit[], dependencies: (Dependency[] | undefined)[]): void {
  const members = new Set(component.map((u) => u.id));
  const start = component.reduce((a, b) => (a.id < b.id ? a : b));
  const path = shortestCycle(start, members, dependencies);
  const names = path.map((step) => step.unit.label);
  const text = [start.label, ...names].join(' → ');
  for (const unit of component) graph.cycles.set(unit.id, text);
  graph.diagnostics.push({
    code: 'cycle',
    message: `circular reference: ${text}`,
    position: path[0].position,
    fieldKey: start.label,
  });
}

/** Breadth-first from `start` through cycle members back to `start`. */
function shortestCycle(
  start: Unit,
  members: Set<number>,
  dependencies: (Dependency[] | undefined)[],
): Dependency[] {
  const via = new Map<number, { from: number; step: Dependency }>();
  const queue = [start.id];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    for (const step of dependencies[id] ?? []) {
      const target = step.unit.id;
      if (!members.has(target)) continue;
      if (target === start.id) {
        const path = [step];
        for (let at = id; at !== start.id;) {
          const link = via.get(at)!;
          path.unshift(link.step);
          at = link.from;
        }
        return path;
      }
      if (via.has(target)) continue;
      via.set(target, { from: id, step });
      queue.push(target);
    }
  }
  return [];
}

/** Tarjan's strongly connected components, iterative (no recursion limit on long chains). */
function stronglyConnected(units: Unit[], dependencies: (Dependency[] | undefined)[]): Unit[][] {
  const index = new Int32Array(units.length).fill(-1);
  const low = new Int32Array(units.length);
  const onStack = new Uint8Array(units.length);
  const stack: number[] = [];
  const components: Unit[][] = [];
  let counter = 0;
  for (const root of units) {
    if (index[root.id] >= 0 || !dependencies[root.id]) continue;
    const work: { id: number; next: number }[] = [{ id: root.id, next: 0 }];
    index[root.id] = low[root.id] = counter++;
    stack.push(root.id);
    onStack[root.id] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = dependencies[frame.id] ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next++].unit.id;
        if (index[target] < 0) {
          index[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          work.push({ id: target, next: 0 });
        } else if (onStack[target]) {
          low[frame.id] = Math.min(low[frame.id], index[target]);
        }
        continue;
      }
      work.pop();
      if (work.length > 0)
        low[work[work.length - 1].id] = Math.min(low[work[work.length - 1].id], low[frame.id]);
      if (low[frame.id] === index[frame.id]) {
        const component: Unit[] = [];
        let id: number;
        do {
          id = stack.pop()!;
          onStack[id] = 0;
          component.push(units[id]);
        } while (id !== frame.id);
        components.push(component);
      }
    }
  }
  return components;
}

/** Formula units, dependencies first; cyclic units are constants and left out. */
function topologicalOrder(
  units: Unit[],
  dependencies: (Dependency[] | undefined)[],
  cycles: Map<number, string>,
): Unit[] {
  const state = new Uint8Array(units.length); // 0 new, 1 in progress, 2 done
  const order: Unit[] = [];
  for (const root of units) {
    if (state[root.id] || !dependencies[root.id] || cycles.has(root.id)) continue;
    const work: { id: number; next: number }[] = [{ id: root.id, next: 0 }];
    state[root.id] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = dependencies[frame.id] ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next++].unit.id;
        if (state[target] === 0 && dependencies[target] && !cycles.has(target)) {
          state[target] = 1;
          work.push({ id: target, next: 0 });
        }
        continue;
      }
      work.pop();
      state[frame.id] = 2;
      order.push(units[frame.id]);
    }
  }
  return order;
}
