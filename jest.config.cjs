// One jest run over every package and the tooling checks, so CI counts every test once.
const fs = require('node:fs');
const path = require('node:path');

const projectsIn = (folder) =>
  fs
    .readdirSync(path.join(__dirname, folder))
    .filter((name) => fs.existsSync(path.join(__dirname, folder, name, 'jest.config.cjs')))
    .map((name) => `<rootDir>/${folder}/${name}`);

module.exports = {
  projects: [
    ...projectsIn('packages'),
    ...projectsIn('examples'),
    '<rootDir>/tooling/docs-check',
    '<rootDir>/tooling/package-checks',
  ],
};
