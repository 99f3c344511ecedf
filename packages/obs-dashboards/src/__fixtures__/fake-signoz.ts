import { randomUUID } from 'node:crypto';
import { type Answer, type Loopback, type LoopbackOptions, type SeenRequest, startLoopback } from './loopback.js';

/** A v2 dashboard as the fake SigNoz stores it. */
export interface StoredV2 {
  id: string;
  name: string;
  schemaVersion: string;
  tags: { key: string; value: string }[];
  spec: Record<string, unknown> & { display?: { name?: string } };
}

/** A v1 dashboard as the fake SigNoz stores it. */
export interface StoredV1 {
  id: number;
  uuid: string;
  data: Record<string, unknown> & { title?: string; tags?: string[] };
}

/** A loopback server behaving as SigNoz's documented dashboards API, either a new (v2) or an old (v1-only) server. */
export interface FakeSignoz extends Loopback {
  readonly v2: Map<string, StoredV2>;
  readonly v1: Map<string, StoredV1>;
}

const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const ok = (data: unknown, status = 200): Answer => ({ status, body: { status: 'success', data } });
const fail = (status: number, code: string, message: string): Answer => ({
  status,
  body: { status: 'error', error: { code, message } },
});

/** Starts a fake SigNoz accepting `SIGNOZ-API-KEY: <key>`; `generation` picks a v2 server or a v1-only one. */
export async function startFakeSignoz(
  key: string,
  generation: 'v1' | 'v2',
  options: LoopbackOptions = {},
): Promise<FakeSignoz> {
  const v2 = new Map<string, StoredV2>();
  const v1 = new Map<string, StoredV1>();
  let nextId = 1;

  function validateV2(body: Partial<StoredV2> | undefined): Answer | undefined {
    if (body?.schemaVersion !== 'v6') return fail(400, 'invalid_input', 'schemaVersion must be "v6"');
    if (typeof body.name !== 'string' || body.name.length > 63 || !DNS1123.test(body.name)) {
      return fail(400, 'invalid_input', `name ${JSON.stringify(body.name)} is invalid: not a DNS-1123 label`);
    }
    if (!Array.isArray(body.tags) || body.tags.length > 10) return fail(400, 'invalid_input', 'at most 10 tags');
    if (!body.spec?.display?.name) return fail(400, 'invalid_input', 'spec.display.name is required');
    return undefined;
  }

  function routeV2(request: SeenRequest, url: URL): Answer {
    const { method, path } = request;
    const body = request.body as Partial<StoredV2> | undefined;
    if (path === '/api/v2/dashboards' && method === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const all = [...v2.values()];
      const page = all.slice(offset, offset + Math.min(limit, 200));
      const dashboards = page.map((d) => ({ id: d.id, name: d.name, tags: d.tags, spec: { display: d.spec.display } }));
      return ok({ dashboards, total: all.length });
    }
    if (path === '/api/v2/dashboards' && method === 'POST') {
      const invalid = validateV2(body);
      if (invalid) return invalid;
      if ([...v2.values()].some((d) => d.name === body?.name)) {
        return fail(409, 'already_exists', `a dashboard named ${body?.name} already exists`);
      }
      const stored = { ...(body as StoredV2), id: randomUUID() };
      v2.set(stored.id, stored);
      return ok(stored, 201);
    }
    const one = path.match(/^\/api\/v2\/dashboards\/([^/]+)$/);
    const stored = one?.[1] ? v2.get(one[1]) : undefined;
    if (!stored) return fail(404, 'not_found', 'dashboard not found');
    if (method === 'GET') return ok(stored);
    if (method === 'DELETE') {
      v2.delete(stored.id);
      return ok(null);
    }
    if (method === 'PUT') {
      const invalid = validateV2(body);
      if (invalid) return invalid;
      if (body?.name !== stored.name) return fail(400, 'dashboard_immutable', 'name is immutable');
      const updated = { ...(body as StoredV2), id: stored.id };
      v2.set(stored.id, updated);
      return ok(updated);
    }
    return fail(405, 'method_not_allowed', 'method not allowed');
  }

  function routeV1(request: SeenRequest): Answer {
    const { method, path } = request;
    const data = request.body as StoredV1['data'] | undefined;
    if (path === '/api/v1/dashboards' && method === 'GET') return ok([...v1.values()]);
    if (path === '/api/v1/dashboards' && method === 'POST') {
      if (!data?.title) return fail(400, 'invalid_input', 'title is required');
      const stored: StoredV1 = { id: nextId++, uuid: randomUUID(), data };
      v1.set(stored.uuid, stored);
      return ok(stored);
    }
    const one = path.match(/^\/api\/v1\/dashboards\/([^/]+)$/);
    const stored = one?.[1] ? v1.get(one[1]) : undefined;
    if (!stored) return fail(404, 'not_found', 'dashboard not found');
    if (method === 'GET') return ok(stored);
    if (method === 'DELETE') {
      v1.delete(stored.uuid);
      return ok(null);
    }
    if (method === 'PUT' && data?.title) {
      stored.data = data;
      return ok(stored);
    }
    return fail(400, 'invalid_input', 'title is required');
  }

  function route(request: SeenRequest, url: URL): Answer {
    if (request.headers['signoz-api-key'] !== key) return fail(401, 'unauthenticated', 'invalid or missing API key');
    if (request.path.startsWith('/api/v2/')) {
      return generation === 'v2' ? routeV2(request, url) : { status: 404, body: '404 page not found' };
    }
    if (request.path.startsWith('/api/v1/dashboards')) {
      return generation === 'v1'
        ? routeV1(request)
        : fail(501, 'dashboard_deprecated', 'the v1 dashboard API is deprecated; instead, use /api/v2/dashboards');
    }
    return { status: 404, body: '404 page not found' };
  }

  const server = await startLoopback(route, options);
  return { ...server, v2, v1 };
}
