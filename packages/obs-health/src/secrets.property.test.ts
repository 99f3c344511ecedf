import fc from 'fast-check';
import { toHealthJson, toVerboseText } from './format.js';
import { createHealthEndpointHandler } from './handlers.js';
import { getObservabilityHealth } from './observability-health.js';

// A secret is 24 characters that appear nowhere else in the output.
const secret = fc.stringMatching(/^[A-Za-z0-9]{24}$/).map((s) => `Zq${s}`);
const secretKey = fc.constantFrom(
  'apiKey',
  'api_key',
  'API-KEY',
  'x-api-key',
  'token',
  'accessToken',
  'refresh_token',
  'password',
  'DB_PASSWORD',
  'secret',
  'clientSecret',
  'authorization',
  'Authorization',
  'cookie',
  'Set-Cookie',
  'privateKey',
  'credentials',
  'signature',
  'sessionId',
  'dsn',
  'passwd',
  'pwd',
  'auth',
);
const plainKey = fc.constantFrom('endpoint', 'url', 'note', 'error', 'exporter', 'series', 'info', 'target', 'x');
const headerKey = fc.constantFrom('headers', 'Headers', 'httpHeaders', 'request_headers', 'metadata', 'header');
/** Strings that carry a secret in a recognisable shape, under any key. */
const secretText = (s: string) =>
  fc.constantFrom(
    `Bearer ${s}`,
    `failed with bearer ${s}`,
    `Basic ${s}`,
    `https://user:${s}@collector.example:4318/v1/traces`,
    `postgres://${s}:${s}@db/app`,
    `redis://:${s}@cache:6379`,
    `https://api.example/v1?api_key=${s}&x=1`,
    `password=${s}`,
    `{"token":"${s}"}`,
    `token: ${s}`,
    `secret='${s}'`,
  );
/** A value that hides the secret: under a secret key, in a headers object, or in a recognisable string. */
const hidden = (s: string): fc.Arbitrary<Record<string, unknown>> =>
  fc.oneof(
    secretKey.map((k) => ({ [k]: s })),
    secretKey.map((k) => ({ [k]: { value: s, list: [s] } })),
    fc.tuple(headerKey, fc.string({ minLength: 1, maxLength: 12 })).map(([k, h]) => ({ [k]: { [h || 'h']: s } })),
    fc.tuple(headerKey, fc.string({ maxLength: 12 })).map(([k, h]) => ({ [k]: [[h, s]] })),
    fc.tuple(plainKey, secretText(s)).map(([k, text]) => ({ [k]: text })),
    fc.tuple(plainKey, secretText(s)).map(([k, text]) => ({ [k]: [text, 1, null] })),
    secretText(s).map((text) => ({ note: new Error(text) })),
    secretText(s).map((text) => ({ [text]: 1 })),
  );
/** Nests a hidden secret at a random depth among harmless values. */
const details = secret.chain((s) =>
  fc
    .tuple(
      hidden(s),
      fc.array(plainKey, { maxLength: 4 }),
      fc.dictionary(plainKey, fc.integer(), { maxKeys: 3 }),
      secretText(s),
    )
    .map(([leaf, path, noise, text]) => ({
      secret: s,
      text,
      details: path.reduceRight<Record<string, unknown>>((inner, key) => ({ ...noise, [key]: inner }), {
        ...noise,
        ...leaf,
      }),
    })),
);

describe('no secret appears in any output format (fuzzed)', () => {
  it('JSON, application/health+json, ?verbose text and the thrown-error message', async () => {
    await fc.assert(
      fc.asyncProperty(details, async ({ secret: s, details: d, text }) => {
        const leaky = {
          health: () => ({ name: 'x', status: 'degraded' as const, message: `see ${text}`, details: d }),
        };
        const thrower = { health: () => Promise.reject(new Error(`export failed: ${text}`)) };
        const options = { otel: leaky, metrics: thrower, cacheTtlMs: 0 };
        const health = await getObservabilityHealth(options);
        const handler = createHealthEndpointHandler(options);
        const outputs = [
          JSON.stringify(health),
          JSON.stringify(toHealthJson(health)),
          toVerboseText(health, 'readyz'),
          (await handler()).body,
          (await handler({ headers: { accept: 'application/health+json' } })).body,
          (await handler({ url: '/readyz?verbose' })).body,
        ];
        for (const output of outputs) expect(output).not.toContain(s);
      }),
      { numRuns: 300 },
    );
  });
});
