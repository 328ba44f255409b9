// The reader's settings as the background stores them: updates asked for at the same time
// (two slider steps, the popup and the options page, the sidebar's handle) all take effect,
// and the last one asked for is the value that stays.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, updateSettings } from '../../adapters/settings';

beforeEach(() => fakeBrowser.reset());

describe('updateSettings', () => {
  it('keeps every change of updates made at the same time', async () => {
    await Promise.all([updateSettings({ sensitivity: 0.2 }), updateSettings({ pausedSites: ['example.com'] }), updateSettings({ sidebarCollapsed: true })]);
    expect(await readSettings()).toEqual({ sensitivity: 0.2, pausedSites: ['example.com'], sidebarCollapsed: true, rememberReading: 'unasked' });
  });

  it('ends on the last of several quick changes to one setting, and answers each with its own value', async () => {
    const replies = await Promise.all([0.45, 0.4, 0.35].map((sensitivity) => updateSettings({ sensitivity })));
    expect(replies.map((s) => s.sensitivity)).toEqual([0.45, 0.4, 0.35]);
    expect((await readSettings()).sensitivity).toBe(0.35);
  });

  // The background keeps the settings it read or wrote (every page load asks for them):
  // what one request does with its answer must not change what the next one is told.
  it('answers each request with its own copy, and the next read with what was written', async () => {
    await updateSettings({ pausedSites: ['a.example'] });
    const first = await readSettings();
    const sensitivity = first.sensitivity;
    first.pausedSites.push('b.example');
    first.sensitivity = sensitivity === 0.9 ? 0.1 : 0.9;
    expect(await readSettings()).toMatchObject({ pausedSites: ['a.example'], sensitivity });
    await updateSettings({ pausedSites: [] });
    expect((await readSettings()).pausedSites).toEqual([]);
  });

  it('goes on after a refused write', async () => {
    await expect(updateSettings({ sensitivity: Number.NaN })).resolves.toMatchObject({ sensitivity: 0.5 });
    expect((await updateSettings({ sensitivity: 0.7 })).sensitivity).toBe(0.7);
  });
});
