// After `tsc`, rebuilds each runtime entry point of a package (its exports map's `default` targets and its bins) as one
// ES module per entry, with code shared by several entries in common chunks (so a class is never duplicated and
// `instanceof` holds across entry points). Dependencies stay external. Node's ES module loader pays per module
// loaded, so this is what keeps `import('@dotmac/obs-health')` fast. Declarations stay as tsc wrote them (and so
// do its other modules, which only the benchmarks import); the source maps chain back to src/.
// Usage, in a package folder after tsc: node ../../tooling/scripts/bundle-entries.mjs
import fs from 'node:fs';
import { build } from 'esbuild';

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const entries = [
  ...Object.values(manifest.exports).map((target) => (typeof target === 'string' ? target : target.default)),
  ...Object.values(manifest.bin ?? {}),
]
  .filter((file) => file?.endsWith('.js'))
  .map((file) => `./${file.replace(/^\.\//, '')}`);

// Chunk names carry a content hash: without this, every rebuild would leave the old chunks in dist/ (and in the tarball).
fs.rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: Object.fromEntries(entries.map((file) => [file.replace(/^\.\/dist\//, '').replace(/\.js$/, ''), file])),
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  allowOverwrite: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
