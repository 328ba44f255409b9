// Waits for what the reader would see in a component test, letting Preact and the (real)
// background run meanwhile; the background answers slowly on a loaded machine, so the limit
// is generous. On a timeout the error quotes what was shown instead.
import { act } from 'preact/test-utils';

export async function until(check: () => boolean, what: string, shown: () => string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return;
    await act(() => new Promise((r) => setTimeout(r, 5)));
  }
  throw new Error(`never saw: ${what}\n---\n${shown()}`);
}
