import { containsDesired } from './compare.js';
import { grafanaFolderUid, hasOwnershipTags, ownershipTags } from './identifiers.js';
import { deleteOwned, eachDashboard, isStatus, type ProvisionContext } from './outcomes.js';
import { mapWithConcurrency } from './pool.js';
import type { BuiltDashboard } from './types.js';

interface StoredDashboard {
  readonly dashboard?: Record<string, unknown>;
  readonly meta?: { readonly folderUid?: string };
}

interface SearchHit {
  readonly uid?: string;
  readonly title?: string;
  readonly tags?: readonly string[];
}

const MESSAGE = 'Provisioned by @dotmac/obs-dashboards';

/** Makes sure the tenant's folder exists; "already exists" answers (409, 412) count as success. */
async function ensureFolder(context: ProvisionContext, uid: string): Promise<void> {
  try {
    await context.client.request('get', `api/folders/${uid}`);
    return;
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
  }
  if (context.dryRun) return;
  try {
    await context.client.request('post', 'api/folders', {
      json: { uid, title: `DotMac · ${context.tenantId}` },
    });
  } catch (error) {
    if (!isStatus(error, 409, 412)) throw error;
  }
}

async function readDashboard(context: ProvisionContext, uid: string): Promise<StoredDashboard | undefined> {
  try {
    const response = await context.client.request('get', `api/dashboards/uid/${uid}`);
    return response.body as StoredDashboard;
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw error;
  }
}

async function upsert(context: ProvisionContext, dashboard: BuiltDashboard, folderUid: string): Promise<void> {
  const stored = await readDashboard(context, dashboard.id);
  if (
    stored?.dashboard &&
    stored.meta?.folderUid === folderUid &&
    containsDesired(stored.dashboard, dashboard.json, ['id', 'version'])
  ) {
    context.outcomes.add('unchanged', dashboard.title);
    return;
  }
  if (!context.dryRun) {
    // overwrite: true makes the write idempotent by uid, so it is safe to retry.
    await context.client.request('post', 'api/dashboards/db', {
      json: { dashboard: { ...dashboard.json, id: null }, folderUid, overwrite: true, message: MESSAGE },
    });
  }
  context.outcomes.add(stored ? 'updated' : 'created', dashboard.title);
}

async function prune(context: ProvisionContext): Promise<void> {
  const search = new URLSearchParams([
    ['type', 'dash-db'],
    ...ownershipTags(context.tenantId).map((tag): [string, string] => ['tag', tag]),
    ['limit', '5000'],
  ]);
  const response = await context.client.request('get', 'api/search', { searchParams: search.toString() });
  const hits = Array.isArray(response.body) ? (response.body as SearchHit[]) : [];
  const defined = new Set(context.dashboards.map((dashboard) => dashboard.id));
  // Only dashboards carrying both ownership tags are ours, whatever the server's search returned.
  const stale = hits.filter((hit) => hit.uid && !defined.has(hit.uid) && hasOwnershipTags(context.tenantId, hit.tags));
  await mapWithConcurrency(stale, context.concurrency, (hit) =>
    deleteOwned(context, `api/dashboards/uid/${hit.uid}`, hit.title ?? String(hit.uid)),
  );
}

/**
 * Provisions the dashboards to Grafana: the tenant folder first, then each dashboard read by uid and
 * created, updated (only when its content differs) or left unchanged; then, with `prune`, deletes the
 * tenant's owned dashboards that are no longer defined.
 */
export async function provisionGrafana(context: ProvisionContext): Promise<void> {
  const folderUid = grafanaFolderUid(context.tenantId);
  try {
    await ensureFolder(context, folderUid);
  } catch (error) {
    context.outcomes.failAll(context.dashboards, error);
    return;
  }
  await eachDashboard(context, (dashboard) => upsert(context, dashboard, folderUid));
  if (context.prune) {
    try {
      await prune(context);
    } catch (error) {
      context.outcomes.fail(`prune:${context.tenantId}`, error);
    }
  }
}
