// A background answer's value, or the test fails with the error the background gave.
import type { Result } from '../../../lib/protocol';

export function value<T>(reply: Result<T>): T {
  if (!reply.ok) throw new Error(`expected a value, got the error "${reply.error}"`);
  return reply.value;
}
