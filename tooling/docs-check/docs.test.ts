import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { type FakeGrafana, startFakeGrafana } from '../../packages/obs-dashboards/src/__fixtures__/fake-grafana.js';
import { type FakeSignoz, startFakeSignoz } from '../../packages/obs-dashboards/src/__fixtures__/fake-signoz.js';
import { type OtlpReceiver, startOtlpReceiver } from '../otlp-receiver/receiver.js';
import { extractExamples, markdownFiles } from './extract.js';

const root = path.resolve(__dirname, '..', '..');
// In a private workspace package whose dependencies are those of a user's app (the meta-package, frameworks).
const outDir = path.join(root, 'examples', 'docs-examples', 'generated', String(process.pid));
const examples = markdownFiles(root).flatMap((file) => extractExamples(root, file));
const diagnostics = new Map<string, string[]>();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dotmac-docs-'));
let grafana: FakeGrafana;
let signoz: FakeSignoz;
let collector: OtlpReceiver;

beforeAll(async () => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  for (const example of examples) fs.writeFileSync(path.join(outDir, example.fileName), example.code);
  const program = ts.createProgram(
    examples.map((example) => path.join(outDir, example.fileName)),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2023,
      // The strictest settings users may have: the public APIs must accept what the examples pass.
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [path.join(root, 'node_modules', '@types')],
    },
  );
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file ? path.basename(diagnostic.file.fileName) : 'global';
    const line =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : 0;
    const list = diagnostics.get(file) ?? [];
    list.push(`line ${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    diagnostics.set(file, list);
  }
  grafana = await startFakeGrafana('glsa_docs');
  signoz = await startFakeSignoz('signoz-docs-key', 'v2');
  collector = await startOtlpReceiver();
});

afterAll(async () => {
  await Promise.all([grafana?.close(), signoz?.close(), collector?.stop()]);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('documentation examples', () => {
  it('finds the examples of the READMEs and docs', () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  it.each(examples.map((example) => [example.where, example] as const))('%s type-checks', (_where, example) => {
    expect(diagnostics.get(example.fileName) ?? []).toEqual([]);
  });

  it.each(examples.filter((example) => example.run).map((example) => [example.where, example] as const))(
    '%s runs to completion',
    async (_where, example) => {
      const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
      const env = {
        ...process.env,
        NODE_ENV: 'test',
        GRAFANA_URL: grafana.url,
        GRAFANA_API_KEY: 'glsa_docs',
        SIGNOZ_URL: signoz.url,
        SIGNOZ_API_KEY: 'signoz-docs-key',
        // Examples on the production preset export over OTLP to a real receiver on loopback.
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url('traces').replace(/\/v1\/traces$/, ''),
      };
      await expect(
        promisify(execFile)(tsx, [path.join(outDir, example.fileName)], {
          cwd: scratch, // files an example writes land in a folder removed afterwards
          env,
          timeout: 60_000,
        }),
      ).resolves.toBeDefined();
    },
  );
});
