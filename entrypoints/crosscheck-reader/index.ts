// The content script's second stage, loaded by the first (entrypoints/crosscheck.content/
// second-stage.ts) with a dynamic import, in the content script's isolated world, only on
// pages that passed the quick check. WXT builds it as /crosscheck-reader.js; it registers
// the reader for the first stage to call and does nothing else by itself.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { articleForCorpus, startReading } from '../crosscheck.content/reader';
import { registerReader } from '../crosscheck.content/second-stage';

export default defineUnlistedScript(() => {
  registerReader({ startReading, articleForCorpus: (doc) => articleForCorpus(doc) });
});
