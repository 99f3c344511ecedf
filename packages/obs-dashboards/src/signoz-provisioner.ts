import { containsDesired } from './compare.js';
import { ApiError } from './http-client.js';
import { hasOwnershipTagPairs, hasOwnershipTags, type TagPair, taggedDashboardKey } from './identifiers.js';
import { deleteOwned, eachDashboard, isStatus, type ProvisionContext } from './outcomes.js';
import { mapWithConcurrency } from './pool.js';
import type { BuiltDashboard } from './types.js';

interface V2Listed {
  readonly id: string;
  readonly name: string;
  readonly tags?: readonly TagPair[];
  readonly spec?: { readonly display?: { readonly name?: string } };
}

interface V1Stored {
  readonly id?: string | number;
  readonly uuid?: string;
  readonly data?: { readonly title?: string; readonly tags?: readonly string[] } & Record<string, unknown>;
}

const PAGE = 200;

/** The `data` of a SigNoz `{ status: "success", data }` envelope. */
const unwrap = (body: unknown): unknown => (body as { data?: unknown } | undefined)?.data;

const sortTags = (tags: readonly TagPair[] = []): TagPair[] =>
  [...tags]
    .map(({ key, value }) => ({ key, value }))
    .sort((a, b) => `${a.key}=${a.value}`.localeCompare(`${b.key}=${b.value}`));

async function listV2(context: ProvisionContext): Promise<V2Listed[]> {
  const all: V2Listed[] = [];
  // At most 50 pages (10 000 dashboards), in case a server ignores the offset.
  for (let offset = 0; offset < PAGE * 50; offset += PAGE) {
    const response = await context.client.request('get', 'api/v2/dashboards', {
      searchParams: { limit: PAGE, offset },
    });
    if ((response.body as { status?: unknown } | undefined)?.status !== 'success') {
      // An HTML page or another API at this path: not a SigNoz v2 server.
      throw new ApiError('GET /api/v2/dashboards did not answer a SigNoz envelope', 404);
    }
    const data = unwrap(response.body) as { dashboards?: V2Listed[]; total?: number } | V2Listed[] | undefined;
    const page = Array.isArray(data) ? { dashboards: data, total: undefined } : (data ?? {});
    const dashboards = page.dashboards ?? [];
    all.push(...dashboards);
    if (dashboards.length < PAGE || (page.total !== undefined && all.length >= page.total)) break;
  }
  return all;
}

async function upsertV2(
  context: ProvisionContext,
  dashboard: BuiltDashboard,
  listed: readonly V2Listed[],
): Promise<void> {
  const desired = { ...dashboard.json, tags: sortTags(dashboard.json.tags as TagPair[]) };
  let existing = listed.find((item) => item.name === dashboard.id);
  let recovered = false;
  if (!existing) {
    if (context.dryRun) return context.outcomes.add('created', dashboard.title);
    try {
      await context.client.request('post', 'api/v2/dashboards', { json: dashboard.json });
      return context.outcomes.add('created', dashboard.title);
    } catch (error) {
      // A retried create whose first attempt was applied: the name now exists, so update it instead.
      if (!isStatus(error, 409)) throw error;
      existing = (await listV2(context)).find((item) => item.name === dashboard.id);
      if (!existing) throw error;
      recovered = true;
    }
  }
  const response = await context.client.request('get', `api/v2/dashboards/${existing.id}`);
  const stored = unwrap(response.body) as { tags?: TagPair[] } | undefined;
  if (stored && containsDesired({ ...stored, tags: sortTags(stored.tags) }, desired)) {
    return context.outcomes.add(recovered ? 'created' : 'unchanged', dashboard.title);
  }
  if (!context.dryRun)
    await context.client.request('put', `api/v2/dashboards/${existing.id}`, { json: dashboard.json });
  context.outcomes.add(recovered ? 'created' : 'updated', dashboard.title);
}

async function provisionV2(context: ProvisionContext, listed: V2Listed[]): Promise<void> {
  await eachDashboard(context, (dashboard) => upsertV2(context, dashboard, listed));
  if (!context.prune) return;
  const defined = new Set(context.dashboards.map((dashboard) => dashboard.id));
  const stale = listed.filter((item) => !defined.has(item.name) && hasOwnershipTagPairs(context.tenantId, item.tags));
  await mapWithConcurrency(stale, context.concurrency, (item) =>
    deleteOwned(context, `api/v2/dashboards/${item.id}`, item.spec?.display?.name ?? item.name),
  );
}

const v1Key = (item: V1Stored): string | undefined => taggedDashboardKey(item.data?.tags);
const v1Id = (item: V1Stored): string => String(item.uuid ?? item.id);

async function provisionV1(context: ProvisionContext): Promise<void> {
  const response = await context.client.request('get', 'api/v1/dashboards');
  const all = (unwrap(response.body) as V1Stored[] | undefined) ?? [];
  const owned = all.filter((item) => hasOwnershipTags(context.tenantId, item.data?.tags));
  await eachDashboard(context, async (dashboard) => {
    const [match, ...duplicates] = owned.filter((item) => v1Key(item) === dashboard.key);
    // v1 has no unique key: a create that timed out may have been applied twice. Keep one.
    for (const duplicate of duplicates)
      await deleteOwned(context, `api/v1/dashboards/${v1Id(duplicate)}`, dashboard.title);
    if (!match) {
      if (!context.dryRun) {
        await context.client.request('post', 'api/v1/dashboards', { json: dashboard.json, idempotent: false });
      }
      return context.outcomes.add('created', dashboard.title);
    }
    if (containsDesired(match.data, dashboard.json)) return context.outcomes.add('unchanged', dashboard.title);
    if (!context.dryRun)
      await context.client.request('put', `api/v1/dashboards/${v1Id(match)}`, { json: dashboard.json });
    context.outcomes.add('updated', dashboard.title);
  });
  if (!context.prune) return;
  const defined = new Set(context.dashboards.map((dashboard) => dashboard.key as string));
  const stale = owned.filter((item) => !defined.has(v1Key(item) ?? ''));
  await mapWithConcurrency(stale, context.concurrency, (item) =>
    deleteOwned(context, `api/v1/dashboards/${v1Id(item)}`, item.data?.title ?? v1Id(item)),
  );
}

/**
 * Provisions the dashboards to SigNoz: the v2 API when the server has it (dashboards matched by their
 * unique `name`), else the v1 API (matched by ownership tags and a `dashboard:<key>` tag).
 */
export async function provisionSignoz(
  context: ProvisionContext,
  render: (version: 'v1' | 'v2') => readonly BuiltDashboard[],
): Promise<void> {
  let listed: V2Listed[] | undefined;
  try {
    listed = await listV2(context);
  } catch (error) {
    if (!isStatus(error, 404, 405, 501)) {
      context.outcomes.failAll(context.dashboards, error);
      return;
    }
  }
  const versioned: ProvisionContext = { ...context, dashboards: render(listed ? 'v2' : 'v1') };
  try {
    if (listed) await provisionV2(versioned, listed);
    else await provisionV1(versioned);
  } catch (error) {
    context.outcomes.failAll(versioned.dashboards, error);
  }
}
