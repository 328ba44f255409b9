// The content script's life in a page: timers and listeners that stop when the extension goes
// away (an update, a reload, an uninstall), and a watch on single-page navigations.
//
// It replaces WXT's ContentScriptContext (wxt.config.ts points WXT's content-script start-up
// at this file). WXT's start-up announces every new content script to the page: it posts a
// window message, and dispatches a document event, named after the extension's id, and it
// stands down whenever such an event arrives. Any page could read the id from that message
// (so it knows Crosscheck is installed, whatever `use_dynamic_url` hides) and could send the
// event itself to switch Crosscheck off before the analysis ends. Here nothing is posted or
// dispatched in the page: an old copy of this script is told to stop through a function kept
// in the content script's own JavaScript world, which pages cannot see, and each copy notices
// by itself that its extension is gone (`runtime.id` disappears from an orphaned script).

// The browser's own runtime, not the polyfill: this file is part of the first stage.
import { nativeRuntime } from '../../adapters/native-runtime';

/** Where a running copy keeps its stop function: in the isolated world's global object, out of the page's reach. */
const STOP_KEY = Symbol.for('crosscheck.content.stop');
/** A single-page navigation changes the URL first and the content after: wait this long before reading (ms). */
export const NAVIGATION_SETTLE_MS = 250;
/** How often, without the Navigation API, the address is compared for single-page navigations (ms). */
const LOCATION_POLL_MS = 1_000;

type LocationListener = (newUrl: URL, oldUrl: URL) => void;

interface NavigateEventLike extends Event {
  destination: { url: string };
}

export class PageContext {
  private readonly controller = new AbortController();
  private readonly locationListeners = new Set<LocationListener>();
  private watchingLocation = false;

  /** Arguments as WXT's start-up passes them (the entrypoint's name and options); neither is needed. */
  constructor(..._wxtArgs: unknown[]) {
    const scope = globalThis as unknown as Record<symbol, (() => void) | undefined>;
    // An earlier copy of this script in the same page (before an update) steps aside.
    scope[STOP_KEY]?.();
    scope[STOP_KEY] = () => this.notifyInvalidated();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the extension is gone or a newer copy took over; checking also notices it. */
  get isInvalid(): boolean {
    if (!this.signal.aborted && !extensionAlive()) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  notifyInvalidated(): void {
    if (!this.signal.aborted) this.controller.abort('Crosscheck stopped in this page');
  }

  setTimeout(handler: () => void, timeout: number): number {
    const id = window.setTimeout(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, timeout: number): number {
    const id = window.setInterval(() => {
      if (this.isValid) handler();
    }, timeout);
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = window.requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener<K extends keyof DocumentEventMap>(
    target: Document | Window,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler as EventListener, { ...options, signal: this.signal });
  }

  /** Calls back on every change of the page's address (history.pushState, back and forward, hash changes). */
  onLocationChange(listener: LocationListener): () => void {
    this.locationListeners.add(listener);
    this.watchLocation();
    return () => this.locationListeners.delete(listener);
  }

  private watchLocation(): void {
    if (this.watchingLocation) return;
    this.watchingLocation = true;
    let last = new URL(location.href);
    const changedTo = (next: URL) => {
      if (next.href === last.href || this.isInvalid) return;
      const old = last;
      last = next;
      for (const listener of this.locationListeners) listener(next, old);
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener('navigate', (event) => changedTo(new URL((event as NavigateEventLike).destination.url)), { signal: this.signal });
    } else {
      this.setInterval(() => changedTo(new URL(location.href)), LOCATION_POLL_MS);
    }
  }
}

/** An orphaned content script (its extension updated, reloaded or removed) loses `runtime.id`. */
function extensionAlive(): boolean {
  try {
    return nativeRuntime()?.id != null;
  } catch {
    return false;
  }
}

/** The name WXT's content-script start-up constructs (wxt.config.ts aliases its module to this one). */
export { PageContext as ContentScriptContext };
