const preset = require('../../tooling/jest.preset.cjs')(__dirname, '@dotmac/obs-otel');

module.exports = {
  ...preset,
  // tooling/otlp-receiver (imported by the tests) resolves protobufjs from this package's dev dependencies.
  modulePaths: [`${__dirname}/node_modules`],
  // The OTLP transport loads `http` with import(), which jest's CommonJS runtime only allows once transpiled.
  transformIgnorePatterns: [
    '/node_modules/(?!(\\.pnpm/)?(ky|@opentelemetry\\+otlp-exporter-base|@opentelemetry/otlp-exporter-base)[@/])',
  ],
  globals: { testTimeout: 30_000 },
};
