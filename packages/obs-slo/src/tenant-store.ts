import type { Series } from './series.js';
import type { MetricDef } from './spec.js';
import type { TenantContext } from './types.js';

/** One (tenant, metric, label set): its in-process series (when monitoring) and its counter labels. */
export interface Entry {
  readonly series: Series | undefined;
  readonly labels: Record<string, string>;
}

/**
 * The label sets of one tenant for one metric: a tree of maps keyed by each label value in turn (no key strings
 * to build on the hot path), and the flat list of its entries (the pooled `_overflow` one included).
 */
export class TenantSeries {
  readonly entries: Entry[] = [];
  readonly tree = new Map<string, unknown>();
  overflow: Entry | undefined;
}

/** A registered metric and its tenants. */
export interface MetricState {
  readonly def: MetricDef;
  readonly tenants: Map<string, TenantSeries>;
}

/** The entry of the context's label set, if it exists. */
export function findEntry(t: TenantSeries, labels: readonly string[], context: TenantContext): Entry | undefined {
  const n = labels.length;
  if (n === 0) return t.entries[0];
  let node = t.tree;
  for (let i = 0; i < n - 1; i++) {
    const next = node.get(context[labels[i] as string] ?? '') as Map<string, unknown> | undefined;
    if (next === undefined) return undefined;
    node = next;
  }
  return node.get(context[labels[n - 1] as string] ?? '') as Entry | undefined;
}

/** Adds the entry of the context's label set. */
export function addEntry(t: TenantSeries, labels: readonly string[], context: TenantContext, entry: Entry): void {
  t.entries.push(entry);
  const n = labels.length;
  if (n === 0) return;
  let node = t.tree;
  for (let i = 0; i < n - 1; i++) {
    const value = context[labels[i] as string] ?? '';
    let next = node.get(value) as Map<string, unknown> | undefined;
    if (next === undefined) {
      next = new Map();
      node.set(value, next);
    }
    node = next;
  }
  node.set(context[labels[n - 1] as string] ?? '', entry);
}
