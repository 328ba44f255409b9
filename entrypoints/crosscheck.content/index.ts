// The content script: top frame of every http(s) page. All the work is in reader.ts;
// WXT imports this file in Node at build time, so nothing runs outside main().
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startReading } from './reader';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  main(ctx) {
    startReading(ctx);
  },
});
