// Checks of the built packages as users receive them: publint, attw, and a consumer install from tarballs.
module.exports = {
  ...require('../jest.preset.cjs')(__dirname, 'package-checks'),
  testMatch: ['<rootDir>/*.test.ts'],
  globals: { testTimeout: 300_000 },
};
