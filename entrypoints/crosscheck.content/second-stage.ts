// How the first stage reaches the second: the reader (entrypoints/crosscheck-reader/, with
// Readability, the polyfill, the highlights and the sidebar frame) is a module of its own,
// loaded with a dynamic import() only on pages that pass the quick check. Evaluated in the
// content script's isolated world, it leaves its entry points under a symbol on that world's
// global object, which page scripts cannot see (they have a global object of their own).
//
// Why an import and not an injection by the background (scripting.executeScript in Chrome,
// tabs.executeScript in Firefox's Manifest V2): the import needs no new permission (Chrome's
// needs `scripting`), and it is one code path in both browsers. Its cost: the module must be web-accessible, so a page that knows its
// address may fetch it. In Chrome the entry has `use_dynamic_url` (an address per session
// that pages cannot guess from the extension's id), and Firefox gives every install its own
// host; what can be fetched is code anyone can read in the store's package, never data.
import { nativeRuntime } from '../../adapters/native-runtime';
import type { ContentRequests, PageSettings, Result } from '../../lib/protocol';
import type { ProseProbe, QuickCheck } from '../../lib/topic';
import type { CostMeter } from './cost-meter';
import type { PageContext } from './page-context';

/** The second stage's file in the built extension (WXT builds entrypoints/crosscheck-reader/ there). */
export const READER_FILE = '/crosscheck-reader.js';
const READER_KEY = Symbol.for('crosscheck.content.reader');

type ArticleReply = ContentRequests['content/article']['res'];

/**
 * What the first stage learned of the page before handing it over: the reader's first pass
 * starts from it instead of asking for the settings and running the quick check again.
 */
export interface HandedPage {
  url: string;
  settings: PageSettings;
  quick: QuickCheck;
  /**
   * The background's verdict on the page's prose ('page/topic'), asked by the first stage as
   * soon as the quick check passed: it travels while this module loads.
   */
  probe: Promise<Result<ProseProbe>>;
}

export interface Reader {
  /** Takes over the page from the first stage: reads, asks for the matches, shows the sidebar, follows the page. */
  startReading(ctx: PageContext, meter: CostMeter, handed?: HandedPage): void;
  /** "Add this article" on a page the first stage let pass by: the article as the corpus would keep it. */
  articleForCorpus(doc: Document): ArticleReply;
}

/** Called by the second stage when it is evaluated. */
export function registerReader(reader: Reader): void {
  (globalThis as unknown as Record<symbol, Reader>)[READER_KEY] = reader;
}

let loading: Promise<Reader> | null = null;

/** Loads the second stage once per page (a failed load is tried again next time). */
export function loadReader(): Promise<Reader> {
  loading ??= (async () => {
    const runtime = nativeRuntime();
    if (!runtime) throw new Error('Crosscheck was updated or removed');
    // The address is the extension's own file, never anything from the page.
    // eslint-disable-next-line no-unsanitized/method
    await import(/* @vite-ignore */ runtime.getURL(READER_FILE));
    const reader = (globalThis as unknown as Record<symbol, Reader | undefined>)[READER_KEY];
    if (!reader) throw new Error('Crosscheck could not load its reader');
    return reader;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
