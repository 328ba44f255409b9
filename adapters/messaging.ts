// The only code that touches runtime messaging. Callers get typed requests that resolve
// to Result values; handlers return values or throw and the error becomes a Result.
//
// Every message is checked against who sent it, as the browser records the sender: a
// request from a sender its map does not allow is refused with one logged line, and a
// broadcast from anything but the extension's own pages is ignored (lib/protocol's Sender).
//
// Handlers answer through `sendResponse` + `return true` rather than a returned promise:
// that form works in Chrome, Firefox and @webext-core/fake-browser alike.

import { browser, type Browser } from 'wxt/browser';
import {
  err,
  isEnvelope,
  type BackgroundRequests,
  type Broadcasts,
  type ContentRequests,
  type Envelope,
  senderOf,
  type Result,
  type Sender,
  type SenderKind,
} from '../lib/protocol';

type Req<M, K extends keyof M> = M[K] extends { req: infer R } ? R : never;
type Res<M, K extends keyof M> = M[K] extends { res: infer R } ? R : never;

export type Handlers<M> = {
  [K in keyof M]?: (payload: Req<M, K>, sender: Sender) => Res<M, K> | Promise<Res<M, K>>;
};

/** Who may send each request of a map. */
export type Senders<M> = { readonly [K in keyof M]: SenderKind };

/** Who sent this message, from the browser's record of the sender (null: nobody we answer). */
export function whoSent(sender: Browser.runtime.MessageSender): Sender | null {
  return senderOf(sender, browser.runtime.id, browser.runtime.getURL('/'));
}

/** A sender in one line for the log: its kind and tab, or the page it came from. */
function describeSender(sender: Browser.runtime.MessageSender, from: Sender | null): string {
  if (from) return `${from.kind}${from.tabId === null ? '' : ` in tab ${from.tabId}`}`;
  let origin = 'an unknown sender';
  try {
    if (sender.url) origin = new URL(sender.url).origin;
  } catch {
    // Not an address: keep the plain description.
  }
  return `${origin} (frame ${sender.frameId ?? '?'})`;
}

export const REFUSED = 'Crosscheck does not answer this request from here.';

function envelope<M, K extends keyof M>(type: K, payload: unknown): Envelope<M, K> {
  return { crosscheck: 1, type, payload } as Envelope<M, K>;
}

function toResult<T>(reply: unknown): Result<T> {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) return reply as Result<T>;
  return err('No answer from Crosscheck: the extension may have been updated or reloaded. Reload the page.');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function askBackground<K extends keyof BackgroundRequests>(
  type: K,
  payload: Req<BackgroundRequests, K>,
): Promise<Result<Res<BackgroundRequests, K>>> {
  try {
    return toResult(await browser.runtime.sendMessage(envelope<BackgroundRequests, K>(type, payload)));
  } catch (error) {
    return err(describe(error));
  }
}

export async function askTab<K extends keyof ContentRequests>(
  tabId: number,
  type: K,
  payload: Req<ContentRequests, K>,
): Promise<Result<Res<ContentRequests, K>>> {
  try {
    return toResult(await browser.tabs.sendMessage(tabId, envelope<ContentRequests, K>(type, payload), { frameId: 0 }));
  } catch (error) {
    return err(describe(error));
  }
}

/** Tells every open extension page (popup, sidebars, options). Nobody listening is fine. */
export function broadcast<K extends keyof Broadcasts>(type: K, payload: Broadcasts[K]): void {
  browser.runtime.sendMessage(envelope<Broadcasts, K>(type, payload)).catch(() => undefined);
}

/**
 * Answers the requests of one map, each only from the kind of sender `senders` names for
 * it; returns a function that stops listening.
 */
export function handleRequests<M>(handlers: Handlers<M>, senders: Senders<M>): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => {
    if (!isEnvelope(message)) return undefined;
    const handler = (handlers as Record<string, ((p: unknown, s: Sender) => unknown) | undefined>)[message.type];
    if (!handler) return undefined;
    const from = whoSent(sender);
    const allowed = (senders as Record<string, SenderKind | undefined>)[message.type];
    if (!from || from.kind !== allowed) {
      console.warn(`[crosscheck] refused "${message.type.slice(0, 40)}" from ${describeSender(sender, from)}`);
      sendResponse(err(REFUSED));
      return undefined;
    }
    Promise.resolve()
      .then(() => handler(message.payload, from))
      .then((value) => sendResponse({ ok: true, value: value ?? null }))
      .catch((error: unknown) => sendResponse(err(describe(error))));
    return true;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

export function onBroadcast<K extends keyof Broadcasts>(type: K, callback: (payload: Broadcasts[K]) => void): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isEnvelope(message) || message.type !== type) return undefined;
    // A content script (a page's renderer) reaches extension pages through the same channel.
    if (whoSent(sender)?.kind === 'extension') callback(message.payload as Broadcasts[K]);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
