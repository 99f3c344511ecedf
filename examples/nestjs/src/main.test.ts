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
});
