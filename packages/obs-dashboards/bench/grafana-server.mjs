// A minimal in-memory Grafana HTTP API (folders, dashboards by uid, search) for the benchmark.
import http from 'node:http';

export async function startGrafana(token) {
  const folders = new Set();
  const dashboards = new Map();
  let requests = 0;
  const send = (res, status, body) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server = http.createServer(async (req, res) => {
    requests++;
    let text = '';
    for await (const chunk of req) text += chunk;
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { message: 'Unauthorized' });
    const url = new URL(req.url, 'http://x');
    const folder = url.pathname.match(/^\/api\/folders\/(.+)$/);
    if (req.method === 'GET' && folder)
      return folders.has(folder[1]) ? send(res, 200, { uid: folder[1] }) : send(res, 404, {});
    if (req.method === 'POST' && url.pathname === '/api/folders') {
      const { uid } = JSON.parse(text);
      if (folders.has(uid)) return send(res, 409, { message: 'exists' });
      folders.add(uid);
      return send(res, 200, { uid });
    }
    const byUid = url.pathname.match(/^\/api\/dashboards\/uid\/(.+)$/);
    if (req.method === 'GET' && byUid) {
      const stored = dashboards.get(byUid[1]);
      if (!stored) return send(res, 404, { message: 'Dashboard not found' });
      return send(res, 200, {
        dashboard: { ...stored.dashboard, version: stored.version },
        meta: { folderUid: stored.folderUid },
      });
    }
    if (req.method === 'POST' && url.pathname === '/api/dashboards/db') {
      const { dashboard, folderUid } = JSON.parse(text);
      const version = (dashboards.get(dashboard.uid)?.version ?? 0) + 1;
      dashboards.set(dashboard.uid, { dashboard, folderUid, version });
      return send(res, 200, { uid: dashboard.uid, version, status: 'success' });
    }
    return send(res, 404, { message: 'Not found' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    dashboards,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
