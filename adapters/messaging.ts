// Runtime messaging for the background and the extension's pages, over the polyfilled
// `browser` (adapters/messaging-core.ts holds the sender checks, shared with the content
// script's first stage). Callers get typed requests that resolve to Result values; handlers
// return values or throw and the error becomes a Result.
//
// Every message is checked against who sent it, as the browser records the sender: a
// request from a sender its map does not allow is refused with one logged line, and a
// broadcast from anything but the extension's own pages is ignored (lib/protocol's Sender).

import { browser, type Browser } from 'wxt/browser';
import type { BackgroundRequests, Broadcasts, ContentRequests, Result, Sender } from '../lib/protocol';
import {
  askVia,
  describe,
  envelope,
  handleRequestsVia,
  whoSentVia,
  toResult,
  type Handlers,
  type Req,
  type Res,
  type RuntimeLike,
  type Senders,
} from './messaging-core';
import { err, isEnvelope } from '../lib/protocol';

export { REFUSED, type Handlers, type Senders } from './messaging-core';

/** The polyfilled runtime, looked up at each call (tests swap the browser between cases). */
const runtime = (): RuntimeLike => browser.runtime as unknown as RuntimeLike;

/** Who sent this message, from the browser's record of the sender (null: nobody we answer). */
export function whoSent(sender: Browser.runtime.MessageSender): Sender | null {
  return whoSentVia(runtime(), sender);
}

export function askBackground<K extends keyof BackgroundRequests>(
  type: K,
  payload: Req<BackgroundRequests, K>,
): Promise<Result<Res<BackgroundRequests, K>>> {
  return askVia<BackgroundRequests, K>(runtime(), type, payload);
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
  return handleRequestsVia(runtime(), handlers, senders);
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
