/**
 * The platform settings read from the environment. A local stand-in for obs-config's
 * `loadEnvironmentSettings(env)` until that lands; blank values count as unset.
 */
export interface PlatformEnvironment {
  readonly grafanaUrl?: string;
  readonly grafanaApiKey?: string;
  readonly signozUrl?: string;
  readonly signozApiKey?: string;
}

/** Reads `GRAFANA_URL`, `GRAFANA_API_KEY`, `SIGNOZ_URL` and `SIGNOZ_API_KEY` from `env`. */
export function readPlatformEnvironment(env: Readonly<Record<string, string | undefined>>): PlatformEnvironment {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const settings: Record<string, string | undefined> = {
    grafanaUrl: read('GRAFANA_URL'),
    grafanaApiKey: read('GRAFANA_API_KEY'),
    signozUrl: read('SIGNOZ_URL'),
    signozApiKey: read('SIGNOZ_API_KEY'),
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as PlatformEnvironment;
}
