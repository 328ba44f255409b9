// Runtime messaging over any `runtime` object with the WebExtension shape: the polyfilled
// `browser.runtime` of the extension's pages and of the background (adapters/messaging.ts),
// or the browser's own `runtime` in the content script's first stage, which must stay small
// enough to cost nothing on the pages that are not ours (no polyfill there; see
// entrypoints/crosscheck.content/first-stage.ts). Both speak the one protocol of
// lib/protocol.ts and check every sender the same way.
//
// Handlers answer through `sendResponse` + `return true` rather than a returned promise:
// that form works in Chrome, Firefox and @webext-core/fake-browser alike.

import { err, isEnvelope, senderOf, type Envelope, type Result, type Sender, type SenderKind } from '../lib/protocol';

type Req<M, K extends keyof M> = M[K] extends { req: infer R } ? R : never;
type Res<M, K extends keyof M> = M[K] extends { res: infer R } ? R : never;
export type { Req, Res };

export type Handlers<M> = {
  [K in keyof M]?: (payload: Req<M, K>, sender: Sender) => Res<M, K> | Promise<Res<M, K>>;
};

/** Who may send each request of a map. */
export type Senders<M> = { readonly [K in keyof M]: SenderKind };

/** The fields of the browser's MessageSender read here (Chrome and Firefox alike). */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

type Listener = (message: unknown, sender: MessageSenderLike, sendResponse: (r: unknown) => void) => true | undefined;

/** What of `runtime` messaging needs. */
export interface RuntimeLike {
  readonly id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
}

export const REFUSED = 'Crosscheck does not answer this request from here.';

/** Who sent this message, from the browser's record of the sender (null: nobody we answer). */
export function whoSentVia(runtime: RuntimeLike, sender: MessageSenderLike): Sender | null {
  return senderOf(sender, runtime.id, runtime.getURL('/'));
}

/** A sender in one line for the log: its kind and tab, or the page it came from. */
function describeSender(sender: MessageSenderLike, from: Sender | null): string {
  if (from) return `${from.kind}${from.tabId === null ? '' : ` in tab ${from.tabId}`}`;
  let origin = 'an unknown sender';
  try {
    if (sender.url) origin = new URL(sender.url).origin;
  } catch {
    // Not an address: keep the plain description.
  }
  return `${origin} (frame ${sender.frameId ?? '?'})`;
}

export function envelope<M, K extends keyof M>(type: K, payload: unknown): Envelope<M, K> {
  return { crosscheck: 1, type, payload } as Envelope<M, K>;
}

export function toResult<T>(reply: unknown): Result<T> {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) return reply as Result<T>;
  return err('No answer from Crosscheck: the extension may have been updated or reloaded. Reload the page.');
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Sends one request of map M through `runtime` and turns whatever comes back (or goes wrong) into a Result. */
export async function askVia<M, K extends keyof M>(runtime: RuntimeLike, type: K, payload: Req<M, K>): Promise<Result<Res<M, K>>> {
  try {
    return toResult(await runtime.sendMessage(envelope<M, K>(type, payload)));
  } catch (error) {
    return err(describe(error));
  }
}

/**
 * Answers the requests of one map through `runtime`, each only from the kind of sender
 * `senders` names for it; returns a function that stops listening.
 */
export function handleRequestsVia<M>(runtime: RuntimeLike, handlers: Handlers<M>, senders: Senders<M>): () => void {
  const listener: Listener = (message, sender, sendResponse) => {
    if (!isEnvelope(message)) return undefined;
    const handler = (handlers as Record<string, ((p: unknown, s: Sender) => unknown) | undefined>)[message.type];
    if (!handler) return undefined;
    const from = whoSentVia(runtime, sender);
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
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}
