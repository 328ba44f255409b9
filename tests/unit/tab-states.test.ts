// A tab's state (what its sidebar and the popup show) is patched by several requests at
// once: the page saying its sidebar is open while the analysis stores the matches. No
// patch may undo another.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { patchTabState, readTabState } from '../../entrypoints/background/tab-states';

beforeEach(() => fakeBrowser.reset());

describe('patchTabState', () => {
  it('keeps every field of patches made at the same time, the last patch of a field winning', async () => {
    await Promise.all([
      patchTabState(3, { status: 'analyzing', url: 'https://news.example.org/a' }),
      patchTabState(3, { sidebarOpen: true }),
      patchTabState(3, { status: 'ready', error: null }),
      patchTabState(4, { status: 'off-topic' }),
    ]);
    expect(await readTabState(3)).toMatchObject({ status: 'ready', url: 'https://news.example.org/a', sidebarOpen: true });
    expect(await readTabState(4)).toMatchObject({ status: 'off-topic', sidebarOpen: false });
  });

  it('goes on after a patch that failed', async () => {
    const setItems = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    let fail = true;
    fakeBrowser.storage.session.set = async (items) => {
      if (fail) {
        fail = false;
        throw new Error('quota');
      }
      return setItems(items);
    };
    await expect(patchTabState(5, { status: 'analyzing' })).rejects.toThrow('quota');
    await patchTabState(5, { status: 'ready' });
    expect((await readTabState(5)).status).toBe('ready');
  });
});
