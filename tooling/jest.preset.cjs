// Shared jest preset: ts-jest in CommonJS mode, workspace packages mapped to their sources.
const path = require('node:path');

const packagesDir = path.join(__dirname, '..', 'packages');

/** @param {string} rootDir @param {string} displayName */
module.exports = function jestPreset(rootDir, displayName) {
  return {
    displayName,
    rootDir,
    testEnvironment: 'node',
    setupFilesAfterEnv: [path.join(__dirname, 'jest-timeout.cjs')],
    testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
    transform: {
      '^.+\\.[cm]?[tj]sx?$': [
        'ts-jest',
        {
          tsconfig: {
            isolatedModules: true,
            module: 'commonjs',
            moduleResolution: 'node16',
            verbatimModuleSyntax: false,
            allowJs: true,
            sourceMap: true,
          },
          diagnostics: false,
        },
      ],
    },
    // ky and other ESM-only dependencies are transformed too (pnpm paths: .pnpm/ky@1.14.3/node_modules/ky/).
    transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?(ky)[@/])'],
    moduleNameMapper: {
      '^@dotmac/(obs-[a-z]+|observability)$': `${packagesDir}/$1/src/index.ts`,
      '^@dotmac/(obs-[a-z]+|observability)/([a-z-]+)$': `${packagesDir}/$1/src/$2.ts`,
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
  };
};
