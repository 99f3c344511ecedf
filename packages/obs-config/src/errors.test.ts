import { ObservabilityError } from './errors.js';

describe('ObservabilityError', () => {
  it('carries a stable code, its subclass name and the cause', () => {
    class SampleError extends ObservabilityError {}
    const cause = new Error('root');
    const error = new SampleError('SAMPLE', 'what went wrong', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('SAMPLE');
    expect(error.name).toBe('SampleError');
    expect(error.cause).toBe(cause);
  });
});
