// A fresh element in the document for each component test, unmounted and removed after it,
// so no test sees another's DOM.
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** Registers the hooks and hands each test's element to `use` (usually an assignment to a `let container`). */
export function withContainer(use: (container: HTMLElement) => void): void {
  let container: HTMLElement | null = null;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    use(container);
  });
  afterEach(() => {
    if (!container) return;
    render(null, container);
    container.remove();
  });
}
