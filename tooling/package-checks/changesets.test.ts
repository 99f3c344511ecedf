import fs from 'node:fs';
import path from 'node:path';
import { packages, root } from './workspace.js';

const dir = path.join(root, '.changeset');
const files = fs.readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md');
const published = new Set(packages.filter((pkg) => !pkg.manifest['private']).map((pkg) => pkg.name));

describe('changesets', () => {
  it.each(files)('%s names published packages and a bump in its front matter, then a description', (file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const match = /^---\n((?:"[^"]+": (?:major|minor|patch)\n)+)---\n\n(\S[\s\S]*)$/.exec(text);
    expect(match).not.toBeNull();
    const names = [...(match?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    for (const name of names) expect(published).toContain(name);
  });

  it('every published package has a changeset for its first release', () => {
    const named = new Set(
      files.flatMap((file) =>
        [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^"([^"]+)":/gm)].map((m) => m[1]),
      ),
    );
    expect([...published].filter((name) => !named.has(name))).toEqual([]);
  });
});
