import http from 'node:http';

/** A plain HTTP GET over loopback: status, content type and body text. */
export interface HttpAnswer {
  status: number;
  type: string;
  body: string;
}

export function get(url: string, headers: Record<string, string> = {}, agent?: http.Agent): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: agent ?? false, timeout: 10_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }),
      );
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
  });
}
