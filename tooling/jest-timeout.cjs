// Jest reads `testTimeout` only from the root config, not from a project's: a project sets
// `globals: { testTimeout: <ms> }` instead, and this setup file applies it to that project's tests.
if (typeof globalThis.testTimeout === 'number') jest.setTimeout(globalThis.testTimeout);
