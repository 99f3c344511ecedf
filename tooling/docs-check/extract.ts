import fs from 'node:fs';
import path from 'node:path';

/** One fenced TypeScript block of a Markdown file. */
export interface DocExample {
  /** `docs/guides/slo.md:42` */
  readonly where: string;
  /** File name of the generated module. */
  readonly fileName: string;
  readonly code: string;
  /** ```ts no-run: type-checked only (a long-running server, for instance). */
  readonly run: boolean;
}

const FENCE = /^```(ts|typescript)([^\n]*)\n([\s\S]*?)^```/gm;

/** The Markdown files whose examples are checked: the READMEs and docs/. */
export function markdownFiles(root: string): string[] {
  const docs = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'dev' ? [] : docs(full);
      return entry.name.endsWith('.md') ? [full] : [];
    });
  const readmes = ['packages', 'examples'].flatMap((folder) =>
    fs
      .readdirSync(path.join(root, folder))
      .map((name) => path.join(root, folder, name, 'README.md'))
      .filter((file) => fs.existsSync(file)),
  );
  return [
    path.join(root, 'README.md'),
    ...docs(path.join(root, 'docs')),
    ...readmes,
    path.join(root, 'examples', 'README.md'),
  ].filter((file) => fs.existsSync(file));
}

/** The TypeScript blocks of a Markdown file. */
export function extractExamples(root: string, file: string): DocExample[] {
  const text = fs.readFileSync(file, 'utf8');
  const relative = path.relative(root, file);
  const examples: DocExample[] = [];
  for (const match of text.matchAll(FENCE)) {
    const line = text.slice(0, match.index).split('\n').length;
    const flags = match[2] ?? '';
    const slug = relative.replace(/[^A-Za-z0-9]+/g, '-').replace(/-md$/, '');
    examples.push({
      where: `${relative}:${line}`,
      fileName: `${slug}-${line}.ts`,
      code: `${match[3] ?? ''}\nexport {};\n`,
      run: !/\bno-run\b/.test(flags),
    });
  }
  return examples;
}
