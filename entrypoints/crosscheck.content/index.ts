// The content script: top frame of every http(s) page. Only the first stage is here (the
// quick check, first-stage.ts); the reader loads on pages that pass it (second-stage.ts).
// WXT imports this file in Node at build time, so nothing runs outside main().
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PageContext } from './page-context';
import { startFirstStage } from './first-stage';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    // wxt.config.ts points WXT's start-up at our own PageContext, which announces nothing to
    // the page (page-context.ts says why). Were that ever undone, WXT's context would have
    // posted the extension's id into the page already: then Crosscheck does not run here.
    if (!(ctx instanceof PageContext)) throw new Error('Crosscheck: unexpected content-script context');
    startFirstStage(ctx);
  },
});
