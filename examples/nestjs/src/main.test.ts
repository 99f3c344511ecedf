import path from 'node:path';
import { probeExample, startExample } from '../../shared/run-example.js';

describe('examples/nestjs', () => {
  it('serves its routes, /metrics and the health probes, and stops cleanly on SIGTERM', async () => {
    const run = startExample(path.resolve(__dirname, '..'));
    try {
      await probeExample(await run.url);
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
      expect(run.output()).toContain('example-nestjs stopped');
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('stops cleanly on Ctrl-C (SIGINT) too, through the same Nest shutdown hooks', async () => {
    const run = startExample(path.resolve(__dirname, '..'));
    try {
      await run.url;
      run.child.kill('SIGINT');
      expect(await run.exit).toBe(0);
      expect(run.output()).toMatch(/SIGINT received, shutting down\n[\s\S]*example-nestjs stopped/);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
