// Every TypeScript example in the READMEs and docs/ is type-checked and run, so the docs cannot rot.
module.exports = {
  ...require('../jest.preset.cjs')(__dirname, 'docs-check'),
  testMatch: ['<rootDir>/*.test.ts'],
  // tooling/otlp-receiver resolves protobufjs from obs-otel's dev dependencies.
  modulePaths: [`${__dirname}/../../packages/obs-otel/node_modules`],
  globals: { testTimeout: 120_000 },
};
