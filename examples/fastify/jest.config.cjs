module.exports = {
  ...require('../../tooling/jest.preset.cjs')(__dirname, 'example-fastify'),
  globals: { testTimeout: 60_000 },
};
