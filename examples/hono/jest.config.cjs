module.exports = {
  ...require('../../tooling/jest.preset.cjs')(__dirname, 'example-hono'),
  globals: { testTimeout: 60_000 },
};
