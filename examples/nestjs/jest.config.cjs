module.exports = {
  ...require('../../tooling/jest.preset.cjs')(__dirname, 'example-nestjs'),
  globals: { testTimeout: 60_000 },
};
