module.exports = {
  ...require('../../tooling/jest.preset.cjs')(__dirname, 'example-demo'),
  globals: { testTimeout: 90_000 },
};
