import { inspect } from 'node:util';
import { ConfigError } from './config-error.js';
import { loadEnvironmentSettings } from './environment-settings.js';

describe('loadEnvironmentSettings', () => {
  const env = {
    PROMETHEUS_URL: 'http://prometheus:9090',
    SIGNOZ_URL: 'http://signoz:3301/',
    SIGNOZ_API_KEY: 'signoz-secret-key',
    GRAFANA_URL: 'http://grafana:3000',
    GRAFANA_API_KEY: 'glsa_grafana-secret',
  };

  it("reads the seed's variables, trimming a trailing slash from URLs", () => {
    expect({ ...loadEnvironmentSettings(env) }).toEqual({
      prometheusUrl: 'http://prometheus:9090',
      signozUrl: 'http://signoz:3301',
      signozApiKey: 'signoz-secret-key',
      grafanaUrl: 'http://grafana:3000',
      grafanaApiKey: 'glsa_grafana-secret',
    });
  });

  it('treats blank and missing values as unset', () => {
    expect({ ...loadEnvironmentSettings({ GRAFANA_URL: ' ', SIGNOZ_API_KEY: '' }) }).toEqual({});
  });

  it('prints API keys as *** in JSON and util.inspect', () => {
    const settings = loadEnvironmentSettings(env);
    for (const printed of [JSON.stringify(settings), inspect(settings)]) {
      expect(printed).not.toMatch(/secret/);
      expect(printed).toContain('http://grafana:3000');
    }
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it('rejects URLs that are not absolute http(s), naming the variable and hiding credentials', () => {
    try {
      loadEnvironmentSettings({ GRAFANA_URL: 'grafana:3000', PROMETHEUS_URL: 'ftp://admin:pw1@host' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((issue) => issue.path)).toEqual(['PROMETHEUS_URL', 'GRAFANA_URL']);
      expect((error as ConfigError).message).not.toContain('pw1');
    }
  });
});
