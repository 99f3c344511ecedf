import { REDACTED, redactDetails, redactString } from './redact.js';

describe('redactString', () => {
  it.each([
    ['https://user:hunter2@db.example.com:5432/x', 'https://***@db.example.com:5432/x'],
    ['Authorization: Bearer abc.def', 'Authorization: ***'],
    ['headers: authorization=Basic dXNlcjpw', 'headers: authorization=***'],
    ['sent Bearer abc.def to upstream', 'sent Bearer *** to upstream'],
    ['GET /v1?api_key=abc123&page=2', 'GET /v1?api_key=***&page=2'],
    ['{"password":"p4ss","user":"bob"}', '{"password":"***","user":"bob"}'],
    ['token eyJhbGciOi.eyJzdWIi.c2lnbmF0', 'token ***'],
    ['all good', 'all good'],
  ])('%s → %s', (input, output) => {
    expect(redactString(input)).toBe(output);
  });
});

describe('redactDetails', () => {
  it('redacts secret keys and header values, and keeps measurements', () => {
    expect(
      redactDetails({
        apiKey: 'k1',
        nested: { clientSecret: 's1', series: 12, accessToken: { value: 't1' } },
        headers: { 'x-custom': 'h1', list: ['h2'] },
        endpoint: 'http://u:p@collector:4318',
        enabled: true,
        passwordSet: false,
      }),
    ).toEqual({
      apiKey: REDACTED,
      nested: { clientSecret: REDACTED, series: 12, accessToken: REDACTED },
      headers: { 'x-custom': REDACTED, list: [REDACTED] },
      endpoint: 'http://***@collector:4318',
      enabled: true,
      passwordSet: false,
    });
  });

  it('survives cycles, throwing getters, bigints, functions, maps and errors', () => {
    const cyclic: Record<string, unknown> = { n: 1n, f: () => 1, when: new Date(0) };
    cyclic.self = cyclic;
    Object.defineProperty(cyclic, 'bad', {
      enumerable: true,
      get: () => {
        throw new Error('no');
      },
    });
    const out = redactDetails({
      cyclic,
      map: new Map([['token', 'm1']]),
      error: new Error('failed for https://a:b@h'),
    });
    expect(out).toEqual({
      cyclic: { n: '1', when: '1970-01-01T00:00:00.000Z', self: '[Circular]', bad: '[Unreadable]' },
      map: { token: REDACTED },
      error: { name: 'Error', message: 'failed for https://***@h' },
    });
    expect(() => JSON.stringify(out)).not.toThrow();
  });
});
