import type { ApiClient } from './http-client.js';
import { ApiError } from './http-client.js';
import { mapWithConcurrency } from './pool.js';
import type {
  BuiltDashboard,
  DashboardProgressEvent,
  DashboardProvisioningError,
  DashboardProvisioningResult,
} from './types.js';

/** Collects the outcome of every dashboard and reports each one through `onProgress`. */
export class Outcomes {
  readonly created: string[] = [];
  readonly updated: string[] = [];
  readonly unchanged: string[] = [];
  readonly deleted: string[] = [];
  readonly errors: DashboardProvisioningError[] = [];
  readonly #onProgress: ((event: DashboardProgressEvent) => void) | undefined;

  constructor(onProgress?: (event: DashboardProgressEvent) => void) {
    this.#onProgress = onProgress;
  }

  /** Records a success. */
  add(outcome: 'created' | 'updated' | 'unchanged' | 'deleted', dashboard: string): void {
    const list = { created: this.created, updated: this.updated, unchanged: this.unchanged, deleted: this.deleted };
    list[outcome].push(dashboard);
    this.#emit({ dashboard, outcome });
  }

  /** Records a failure; `error` is usually an {@link ApiError}. */
  fail(dashboard: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const status = error instanceof ApiError ? error.status : undefined;
    this.errors.push(status === undefined ? { dashboard, message } : { dashboard, message, status });
    this.#emit({ dashboard, outcome: 'error', message });
  }

  /** Records the same failure for every one of `dashboards` (a step they all depend on failed). */
  failAll(dashboards: readonly BuiltDashboard[], error: unknown): void {
    for (const dashboard of dashboards) this.fail(dashboard.title, error);
  }

  /** The frozen result; lists follow `order` (the definition order), then the rest alphabetically. */
  result(dryRun: boolean, order: readonly string[] = []): DashboardProvisioningResult {
    const rank = (title: string): number => {
      const index = order.indexOf(title);
      return index === -1 ? order.length : index;
    };
    const sorted = (titles: readonly string[]) =>
      Object.freeze([...titles].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)));
    return Object.freeze({
      dashboardsCreated: sorted(this.created),
      dashboardsUpdated: sorted(this.updated),
      dashboardsUnchanged: sorted(this.unchanged),
      dashboardsDeleted: sorted(this.deleted),
      errors: Object.freeze(
        [...this.errors].sort(
          (a, b) => rank(a.dashboard) - rank(b.dashboard) || a.dashboard.localeCompare(b.dashboard),
        ),
      ),
      dryRun,
    });
  }

  #emit(event: DashboardProgressEvent): void {
    try {
      this.#onProgress?.(event);
    } catch {
      // A failing progress callback never stops provisioning.
    }
  }
}

/** What a platform provisioner needs. */
export interface ProvisionContext {
  readonly client: ApiClient;
  readonly tenantId: string;
  readonly dashboards: readonly BuiltDashboard[];
  readonly dryRun: boolean;
  readonly prune: boolean;
  readonly concurrency: number;
  readonly outcomes: Outcomes;
}

/** Runs `step` for every dashboard, `concurrency` at a time; a dashboard whose step throws is recorded as failed. */
export async function eachDashboard(
  context: ProvisionContext,
  step: (dashboard: BuiltDashboard) => Promise<void>,
): Promise<void> {
  await mapWithConcurrency(context.dashboards, context.concurrency, async (dashboard) => {
    try {
      await step(dashboard);
    } catch (error) {
      context.outcomes.fail(dashboard.title, error);
    }
  });
}

/** True when `error` is an HTTP answer with one of `statuses`. */
export const isStatus = (error: unknown, ...statuses: number[]): boolean =>
  error instanceof ApiError && error.status !== undefined && statuses.includes(error.status);

/**
 * Deletes one stale dashboard owned by the tenant (a 404 means it is already gone) and records the outcome;
 * in a dry run it only records what would be deleted. Never throws.
 */
export async function deleteOwned(context: ProvisionContext, path: string, title: string): Promise<void> {
  try {
    if (!context.dryRun) {
      try {
        await context.client.request('delete', path);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    }
    context.outcomes.add('deleted', title);
  } catch (error) {
    context.outcomes.fail(title, error);
  }
}
