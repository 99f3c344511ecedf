module.exports = {
  ...require('../../tooling/jest.preset.cjs')(__dirname, 'example-express'),
  globals: { testTimeout: 60_000 },
};
