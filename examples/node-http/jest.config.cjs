module.exports = {
  ...require('../../tooling/jest.preset.cjs')(__dirname, 'example-node-http'),
  globals: { testTimeout: 60_000 },
};
