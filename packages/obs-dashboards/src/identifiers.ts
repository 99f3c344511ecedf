import { createHash } from 'node:crypto';
import { DashboardConfigError, DashboardErrorCode } from './errors.js';
import type { PlatformDashboardKey } from './types.js';

/** The tag (Grafana, SigNoz v1) or tag key/value (SigNoz v2) that marks a dashboard as ours. */
export const MANAGED_BY_TAG = 'managed-by:dotmac-observability';

const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const SHORT: Record<PlatformDashboardKey, string> = {
  'service-overview': 'svc',
  'tenant-slos': 'slo',
  runtime: 'rt',
  database: 'db',
};

/** Throws a {@link DashboardConfigError} unless `tenantId` is 1–40 characters of `[A-Za-z0-9._-]`. */
export function assertTenantId(tenantId: unknown): asserts tenantId is string {
  if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) {
    throw new DashboardConfigError(
      DashboardErrorCode.INVALID_OPTIONS,
      `tenantId ${JSON.stringify(tenantId)} is invalid: use 1-40 characters of letters, digits, '.', '_' or '-', ` +
        'starting with a letter or digit (it becomes part of uids, tags and PromQL label matchers).',
    );
  }
}

const hash8 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);

function slug(text: string, max: number, lower: boolean): string {
  const source = lower ? text.toLowerCase() : text;
  const cleaned = source.replace(lower ? /[^a-z0-9]+/g : /[^A-Za-z0-9_-]+/g, '-');
  return cleaned.slice(0, max).replace(/^-+|-+$/g, '');
}

/** The Grafana uid of a tenant's dashboard: ≤ 40 chars of `[A-Za-z0-9_-]`, stable, unique per tenant and key. */
export function grafanaDashboardUid(tenantId: string, key: PlatformDashboardKey): string {
  return `dm-${SHORT[key]}-${slug(tenantId, 24, false)}-${hash8(tenantId)}`;
}

/** The Grafana uid of a tenant's folder. */
export function grafanaFolderUid(tenantId: string): string {
  return `dm-tenant-${slug(tenantId, 20, false)}-${hash8(tenantId)}`;
}

/** The SigNoz v2 `name` of a tenant's dashboard: a DNS-1123 label (≤ 63 chars of `[a-z0-9-]`). */
export function signozDashboardName(tenantId: string, key: PlatformDashboardKey): string {
  const tenant = slug(tenantId, 30, true);
  return `dotmac-${key}-${tenant ? `${tenant}-` : ''}${hash8(tenantId)}`;
}

/** The string tags marking a tenant's dashboard as ours (Grafana and SigNoz v1). */
export function ownershipTags(tenantId: string): string[] {
  return [MANAGED_BY_TAG, `tenant:${tenantId}`];
}

const DASHBOARD_TAG = 'dashboard:';

/** The string tags of a tenant's dashboard (Grafana, SigNoz v1): ownership, then `dashboard:<key>`. */
export function dashboardTags(tenantId: string, key: PlatformDashboardKey): string[] {
  return [...ownershipTags(tenantId), `${DASHBOARD_TAG}${key}`];
}

/** The key named by a `dashboard:<key>` tag among `tags` (how SigNoz v1 dashboards are matched), if any. */
export function taggedDashboardKey(tags: readonly string[] = []): string | undefined {
  return tags.find((tag) => tag.startsWith(DASHBOARD_TAG))?.slice(DASHBOARD_TAG.length);
}

/** True when `tags` hold every ownership tag of `tenantId`: only such dashboards are ever updated or pruned. */
export function hasOwnershipTags(tenantId: string, tags: readonly string[] = []): boolean {
  return ownershipTags(tenantId).every((tag) => tags.includes(tag));
}

/** A SigNoz v2 tag: a key/value pair. */
export interface TagPair {
  readonly key: string;
  readonly value: string;
}

/** The same ownership tags as key/value pairs, as SigNoz v2 stores them (`managed-by` = `dotmac-observability`). */
export function ownershipTagPairs(tenantId: string): TagPair[] {
  return ownershipTags(tenantId).map((tag) => {
    const colon = tag.indexOf(':');
    return { key: tag.slice(0, colon), value: tag.slice(colon + 1) };
  });
}

/** True when the v2 `tags` hold every ownership pair of `tenantId`. */
export function hasOwnershipTagPairs(tenantId: string, tags: readonly TagPair[] = []): boolean {
  return ownershipTagPairs(tenantId).every((owned) =>
    tags.some((tag) => tag.key === owned.key && tag.value === owned.value),
  );
}
