// Runtime messaging with Chrome's semantics on top of WXT's fakeBrowser.
//
// The installed @webext-core/fake-browser (1.5.x) calls onMessage listeners without a
// `sendResponse` and leaves tabs.sendMessage unimplemented, so the extension's real
// handlers (adapters/messaging.ts answers through sendResponse + `return true`, the form
// that works in Chrome and Firefox) would never reply. This restores what Chrome does:
// a listener that returns `true` answers later through sendResponse; the first answer
// wins; no listener at all is an error "Receiving end does not exist". Messages to a tab
// go to the content-side handlers a test registers for it.

import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isEnvelope } from '../../../lib/protocol';

type Listener = (message: unknown, sender: object, sendResponse: (r: unknown) => void) => unknown;
export type TabResponder = (type: string, payload: unknown) => unknown | Promise<unknown>;

export interface ChromeMessaging {
  /** Sends as a content script of `tabId` would (the background sees `sender.tab`). */
  sendFromTab(tabId: number, url: string, message: unknown): Promise<unknown>;
  /** Answers `tabs.sendMessage` to this tab as its content script would: the value becomes `{ ok: true, value }`. */
  setTab(tabId: number, responder: TabResponder | null): void;
  /** Every broadcast type sent so far, in order. */
  broadcasts: string[];
}

function deliver(listeners: Listener[], message: unknown, sender: object): Promise<unknown> {
  if (listeners.length === 0) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
  return new Promise((resolve, reject) => {
    let answered = false;
    const sendResponse = (reply: unknown) => {
      if (answered) return;
      answered = true;
      resolve(reply);
    };
    const pending = listeners.map((l) => l(message, sender, sendResponse)).some((r) => r === true);
    if (!pending && !answered) reject(new Error('The message port closed before a response was received.'));
  });
}

export function installChromeMessaging(): ChromeMessaging {
  const listeners: Listener[] = [];
  const tabs = new Map<number, TabResponder>();
  const broadcasts: string[] = [];
  const onMessage = fakeBrowser.runtime.onMessage;
  vi.spyOn(onMessage, 'addListener').mockImplementation((l) => void listeners.push(l as Listener));
  vi.spyOn(onMessage, 'removeListener').mockImplementation((l) => {
    const at = listeners.indexOf(l as Listener);
    if (at >= 0) listeners.splice(at, 1);
  });
  const extensionPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) => {
    if (isEnvelope(message) && /^(tab\/changed|corpus\/changed|settings\/changed|claims\/changed|sidebar\/)/.test(message.type)) broadcasts.push(message.type);
    return deliver([...listeners], message, extensionPage);
  }) as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown) => {
    const responder = tabs.get(tabId);
    if (!responder || !isEnvelope(message)) throw new Error('Could not establish connection. Receiving end does not exist.');
    try {
      return { ok: true, value: (await responder(message.type, message.payload)) ?? null };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }) as never);
  return {
    sendFromTab: (tabId, url, message) => deliver([...listeners], message, { id: fakeBrowser.runtime.id, url, tab: { id: tabId, url }, frameId: 0 }),
    setTab: (tabId, responder) => (responder ? tabs.set(tabId, responder) : tabs.delete(tabId)),
    broadcasts,
  };
}
