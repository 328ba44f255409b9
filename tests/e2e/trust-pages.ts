// The pages of the trust tests (tests/e2e/trust.e2e.test.ts, firefox-trust.e2e.test.ts): an
// on-topic article, plain or with an attacker's script of its own.
import { ON_TOPIC } from './hostile-pages';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The attacker's script, run before anything else in the page: records every window message
 * (`window.__messages`) and, from the moment it knows the extension's id (from a message
 * WXT's start-up posts, or guessed: `window.__guessedId`), keeps firing WXT's stand-down
 * event (`<id>:crosscheck:wxt:content-script-started`) at it, as a document event and as a
 * window message, counting its shots in `window.__standDowns`.
 */
const ATTACKER = `
window.__messages = [];
window.__standDowns = 0;
const fire = (name) => {
  window.__standDowns++;
  const detail = { contentScriptName: 'crosscheck', messageId: 'page' };
  document.dispatchEvent(new CustomEvent(name, { detail }));
  window.postMessage({ type: name, ...detail }, '*');
};
const names = new Set();
window.addEventListener('message', (event) => {
  window.__messages.push(JSON.stringify(event.data));
  const type = event.data && event.data.type;
  if (typeof type === 'string' && type.endsWith('wxt:content-script-started')) names.add(type);
  for (const name of names) fire(name);
});
setInterval(() => {
  if (window.__guessedId) names.add(window.__guessedId + ':crosscheck:wxt:content-script-started');
  for (const name of names) fire(name);
}, 20);`;

/**
 * An on-topic article. `attackerGuess`: null for a plain page; otherwise the page carries
 * the attacker's script, which also guesses this extension id ('' guesses nothing).
 */
export function articlePage(title: string, attackerGuess: string | null): string {
  const attacker = attackerGuess === null ? '' : `<script>window.__guessedId = ${JSON.stringify(attackerGuess)};${ATTACKER}</script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
${attacker}</head><body><main><article><h1>${escapeHtml(title)}</h1>
${ON_TOPIC.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main></body></html>`;
}
