import { type Answer, type Loopback, type LoopbackOptions, type SeenRequest, startLoopback } from './loopback.js';

/** A dashboard as the fake Grafana stores it. */
export interface StoredGrafanaDashboard {
  dashboard: Record<string, unknown>;
  folderUid: string;
  version: number;
  id: number;
}

/** A loopback server behaving as Grafana's documented folder, dashboard and search HTTP API. */
export interface FakeGrafana extends Loopback {
  /** Dashboards by org id, then uid. */
  readonly orgs: Map<string, Map<string, StoredGrafanaDashboard>>;
  readonly folders: Map<string, { uid: string; title: string }>;
  /** Dashboards of org 1. */
  dashboards(): Map<string, StoredGrafanaDashboard>;
  /** Stores a dashboard directly (another tool's, or a stale one of ours). */
  seed(dashboard: Record<string, unknown>, folderUid?: string, org?: string): void;
}

const UID = /^[A-Za-z0-9_-]{1,40}$/;
const notFound = (message: string): Answer => ({ status: 404, body: { message } });

/** Starts a fake Grafana that accepts `Authorization: Bearer <token>`. */
export async function startFakeGrafana(token: string, options: LoopbackOptions = {}): Promise<FakeGrafana> {
  const orgs = new Map<string, Map<string, StoredGrafanaDashboard>>();
  const folders = new Map<string, { uid: string; title: string }>();
  let nextId = 1;
  const org = (name: string) => {
    if (!orgs.has(name)) orgs.set(name, new Map());
    return orgs.get(name) as Map<string, StoredGrafanaDashboard>;
  };

  function save(store: Map<string, StoredGrafanaDashboard>, body: Record<string, unknown>): Answer {
    const dashboard = body.dashboard as Record<string, unknown> | undefined;
    const folderUid = String(body.folderUid ?? '');
    if (!dashboard || typeof dashboard.title !== 'string' || !dashboard.title) {
      return { status: 400, body: { message: 'Dashboard title cannot be empty', status: 'empty-name' } };
    }
    const uid = String(dashboard.uid ?? '');
    if (!UID.test(uid)) return { status: 400, body: { message: 'uid contains illegal characters or is too long' } };
    if (folderUid && !folders.has(folderUid)) return { status: 400, body: { message: 'folder not found' } };
    const existing = store.get(uid);
    if (existing && body.overwrite !== true && dashboard.version !== existing.version) {
      return {
        status: 412,
        body: { message: 'The dashboard has been changed by someone else', status: 'version-mismatch' },
      };
    }
    const version = (existing?.version ?? 0) + 1;
    const id = existing?.id ?? nextId++;
    const { id: _id, version: _version, ...content } = dashboard;
    store.set(uid, { dashboard: content, folderUid, version, id });
    return {
      status: 200,
      body: { id, uid, url: `/d/${uid}/x`, status: 'success', version, slug: 'x', folderUid },
    };
  }

  function route(request: SeenRequest, url: URL): Answer {
    if (request.headers.authorization !== `Bearer ${token}`) {
      return { status: 401, body: { message: 'Unauthorized' } };
    }
    const store = org(String(request.headers['x-grafana-org-id'] ?? '1'));
    const { method, path } = request;
    const folder = path.match(/^\/api\/folders\/([^/]+)$/);
    if (method === 'GET' && folder?.[1]) {
      const found = folders.get(folder[1]);
      return found ? { status: 200, body: { ...found, id: 1, version: 1 } } : notFound('Folder not found');
    }
    if (method === 'POST' && path === '/api/folders') {
      const body = request.body as { uid?: string; title?: string };
      if (!body?.uid || !body.title) return { status: 400, body: { message: 'folder title cannot be empty' } };
      if (folders.has(body.uid)) return { status: 409, body: { message: 'a folder with the same uid already exists' } };
      folders.set(body.uid, { uid: body.uid, title: body.title });
      return { status: 200, body: { uid: body.uid, title: body.title, id: 1, version: 1 } };
    }
    const byUid = path.match(/^\/api\/dashboards\/uid\/([^/]+)$/);
    if (byUid?.[1]) {
      const stored = store.get(byUid[1]);
      if (!stored) return notFound('Dashboard not found');
      if (method === 'DELETE') {
        store.delete(byUid[1]);
        return { status: 200, body: { title: stored.dashboard.title, message: 'Dashboard deleted', id: stored.id } };
      }
      return {
        status: 200,
        body: {
          dashboard: { ...stored.dashboard, id: stored.id, version: stored.version },
          meta: { folderUid: stored.folderUid, version: stored.version, slug: 'x' },
        },
      };
    }
    if (method === 'POST' && path === '/api/dashboards/db') return save(store, request.body as Record<string, unknown>);
    if (method === 'GET' && path === '/api/search') {
      const tags = url.searchParams.getAll('tag');
      const hits = [...store.entries()]
        .filter(([, d]) => tags.every((tag) => (d.dashboard.tags as string[] | undefined)?.includes(tag)))
        .map(([uid, d]) => ({
          uid,
          title: d.dashboard.title,
          tags: d.dashboard.tags,
          folderUid: d.folderUid,
          type: 'dash-db',
        }));
      return { status: 200, body: hits };
    }
    return notFound('Not found');
  }

  const server = await startLoopback(route, options);
  return {
    ...server,
    orgs,
    folders,
    dashboards: () => org('1'),
    seed(dashboard, folderUid = '', name = '1') {
      org(name).set(String(dashboard.uid), { dashboard, folderUid, version: 1, id: nextId++ });
    },
  };
}
