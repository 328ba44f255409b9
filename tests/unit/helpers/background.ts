// A background as the extension starts it, for tests that talk to it through messaging: the
// real handlers and engine over a fresh Dexie database on fake-indexeddb, the seeds installed.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrosscheckDB } from '../../../adapters/db';
import { broadcast, handleRequests } from '../../../adapters/messaging';
import { Corpus } from '../../../entrypoints/background/corpus';
import { createBackgroundHandlers } from '../../../entrypoints/background/handlers';
import { seedReports } from '../../../entrypoints/background/seeds';
import { ANALYSIS_STEPS } from '../../../lib/analyze';
import { REQUEST_SENDERS, type BackgroundRequests } from '../../../lib/protocol';
import { installChromeMessaging, type ChromeMessaging } from './chrome-messaging';

let started = 0;

/** A fresh browser, messaging and background; each call gets a database of its own (`name` and a count). */
export async function startBackground(name: string): Promise<{ messaging: ChromeMessaging; db: CrosscheckDB; corpus: Corpus }> {
  fakeBrowser.reset();
  const messaging = installChromeMessaging();
  const db = new CrosscheckDB(`${name}-${++started}`);
  const corpus = new Corpus(db, seedReports(), () => broadcast('corpus/changed', null));
  handleRequests<BackgroundRequests>(createBackgroundHandlers({ corpus, analyze: ANALYSIS_STEPS }), REQUEST_SENDERS);
  await corpus.installSeeds();
  return { messaging, db, corpus };
}
