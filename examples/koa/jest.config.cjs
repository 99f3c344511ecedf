module.exports = {
  ...require('../../tooling/jest.preset.cjs')(__dirname, 'example-koa'),
  globals: { testTimeout: 60_000 },
};
