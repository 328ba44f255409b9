import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CrosscheckDB } from '../../adapters/db';
import { broadcast, handleRequests } from '../../adapters/messaging';
import { restrictStorageToExtension } from '../../adapters/storage-access';
import { ANALYSIS_STEPS } from '../../lib/analyze';
import { REQUEST_SENDERS, type BackgroundRequests } from '../../lib/protocol';
import { Corpus } from './corpus';
import { createBackgroundHandlers, setSidebar } from './handlers';
import { createSavedClaimsHandlers, createSavedClaimsSync, SavedClaims } from './saved-claims';
import { forgetWaitingArticle } from './reading';
import { SHIPPED_SEEDS } from './seeds';
import { forgetTab } from './tab-states';

export default defineBackground(() => {
  // First of all: content scripts must not read what the extension stores.
  void restrictStorageToExtension();
  const corpus = new Corpus(new CrosscheckDB(), SHIPPED_SEEDS, () => broadcast('corpus/changed', null));

  browser.runtime.onInstalled.addListener(() => {
    void corpus.installSeeds();
  });

  const savedClaims = new SavedClaims(() => createSavedClaimsSync(), (change) => broadcast('claims/changed', change));

  handleRequests<BackgroundRequests>({
    ...createBackgroundHandlers({ corpus, analyze: ANALYSIS_STEPS }),
    ...createSavedClaimsHandlers(savedClaims),
  }, REQUEST_SENDERS);

  // Registered at once so a sync delivery wakes the worker; the engine (listening from
  // its start) reads the whole sync area when it starts, so this first change is not lost.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync') void savedClaims.ready().catch(() => undefined);
  });

  browser.commands?.onCommand.addListener((command, pressedIn) => {
    if (command !== 'toggle-sidebar') return;
    // The tab the shortcut was pressed in, as the browser reports it. Asking afterwards which
    // tab is active raced a tab just brought to the front (and, with several windows, may
    // name another window's): the shortcut then toggled nothing, or another page.
    const tab = pressedIn?.id !== undefined ? Promise.resolve(pressedIn) : browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active);
    void tab.then((t) => {
      if (t?.id !== undefined) return setSidebar(t.id, 'toggle').catch(() => undefined);
    });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void forgetWaitingArticle(tabId);
  });

  // The index is read when a page's claims are first matched, not here: the browser starts
  // this worker again for every page opened after 30 s idle, nearly all of them off the topic
  // (they ask for their settings and say "off-topic"), and reading it back at 10,000 reports
  // held the worker 1.5 to 2.5 s, answers to pages included (about 1 s since part T of issue 14).
  // Flushes the changes a sleeping worker left unwritten, and merges what other devices wrote meanwhile.
  void savedClaims.ready().catch((error: unknown) => console.error('[crosscheck] saved claims could not start:', error));
});
