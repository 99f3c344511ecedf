// One jest run over every package and the tooling checks, so CI counts every test once.
const fs = require('node:fs');
const path = require('node:path');

const packages = fs
  .readdirSync(path.join(__dirname, 'packages'))
  .filter((name) => fs.existsSync(path.join(__dirname, 'packages', name, 'jest.config.cjs')))
  .map((name) => `<rootDir>/packages/${name}`);

module.exports = {
  projects: [...packages, '<rootDir>/tooling/package-checks'],
};
