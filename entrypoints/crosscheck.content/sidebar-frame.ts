// The sidebar's place in the page: an extension-page iframe inside a CLOSED shadow root on
// a host element appended to <html>. Page CSS cannot reach into the shadow root, page
// scripts cannot open it (host.shadowRoot is null), and the frame is cross-origin, so its
// content is out of the page's reach too. Only sizes and the page shift live here; the
// frame loads its data from the background by itself.

export const HOST_TAG = 'crosscheck-sidebar';
/** Marks the host whatever its tag (a page may have taken HOST_TAG for a custom element of its own). */
export const HOST_ATTR = 'data-crosscheck-host';
/** On the host while its frame loads unseen (see mountSidebarFrame). */
export const WAITING_ATTR = 'data-crosscheck-waiting';
/** Every sidebar host, this Crosscheck's or an earlier one's. */
export const HOST_SELECTOR = `${HOST_TAG}, [${HOST_ATTR}]`;
/** Width of the open panel (CSS px). */
export const PANEL_WIDTH_PX = 380;
/** The collapsed handle (CSS px). */
export const HANDLE_WIDTH_PX = 44;
export const HANDLE_HEIGHT_PX = 112;
/** At this viewport width (CSS px) and wider, the open panel pushes the page aside instead of covering it. */
export const WIDE_VIEWPORT_PX = 1000;

const FRAME_CSS = `
:host { all: initial !important; display: block !important; position: fixed !important; top: 0 !important; right: 0 !important;
  width: 0 !important; height: 0 !important; z-index: 2147483647 !important; }
iframe { position: fixed; right: 0; border: 0; margin: 0; padding: 0; background: transparent; color-scheme: light dark;
  box-shadow: -2px 0 12px rgba(0, 0, 0, 0.18); }
iframe.open { top: 0; width: ${PANEL_WIDTH_PX}px; height: 100vh; max-width: 100vw; }
iframe.waiting { visibility: hidden; }
iframe.collapsed { top: calc(45vh - ${HANDLE_HEIGHT_PX / 2}px); width: ${HANDLE_WIDTH_PX}px; height: ${HANDLE_HEIGHT_PX}px; border-radius: 8px 0 0 8px; }
`;

export interface SidebarFrame {
  readonly open: boolean;
  /** False while the frame loads unseen (mounted with `waiting`), until `reveal`. */
  readonly revealed: boolean;
  /** Shows a frame mounted with `waiting`, open or collapsed. */
  reveal(open: boolean): void;
  setOpen(open: boolean): void;
  /** Moves keyboard focus into the sidebar. */
  focus(): void;
  remove(): void;
}

/** Removes sidebars left by this or an earlier Crosscheck (before an extension update). */
export function removeAllSidebars(doc: Document): void {
  for (const host of doc.querySelectorAll(HOST_SELECTOR)) host.remove();
}

/**
 * The host element and its closed shadow root. A page that defined <crosscheck-sidebar> as
 * a custom element of its own has its constructor run on our element, and may have given it
 * a shadow root already: then a plain <div> hosts the sidebar instead.
 */
function createHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  for (const tag of [HOST_TAG, 'div']) {
    try {
      const host = doc.createElement(tag);
      const shadow = host.attachShadow({ mode: 'closed' });
      host.setAttribute(HOST_ATTR, '');
      return { host, shadow };
    } catch {
      // The tag is taken: try the next one.
    }
  }
  throw new Error('Crosscheck could not create its sidebar in this page');
}

/**
 * The sidebar in the page. With `waiting` the frame loads unseen (its renderer started, its
 * script run, its first request answered) and the page is not shifted, until `reveal`: the
 * reader mounts it so while the article is still being read, and the claims then appear in a
 * frame that is ready for them.
 */
export function mountSidebarFrame(doc: Document, src: string, open: boolean, waiting = false): SidebarFrame {
  removeAllSidebars(doc);
  const win = doc.defaultView!;
  const { host, shadow } = createHost(doc);
  const style = doc.createElement('style');
  style.textContent = FRAME_CSS;
  const frame = doc.createElement('iframe');
  frame.title = 'Crosscheck: claims in this article and the reports on each side';
  frame.src = src;
  shadow.append(style, frame);
  doc.documentElement.appendChild(host);

  const html = doc.documentElement;
  const previousMargin = { value: html.style.getPropertyValue('margin-right'), priority: html.style.getPropertyPriority('margin-right') };
  const hadStyle = html.hasAttribute('style');
  const unshift = () => {
    if (previousMargin.value) html.style.setProperty('margin-right', previousMargin.value, previousMargin.priority);
    else html.style.removeProperty('margin-right');
    if (!hadStyle && html.getAttribute('style') === '') html.removeAttribute('style');
  };
  let shifted = false;
  let isOpen = open;
  let revealed = !waiting;
  if (waiting) host.setAttribute(WAITING_ATTR, '');

  // Reserve room beside the text rather than cover it, where the viewport is wide enough.
  const layout = () => {
    frame.className = (isOpen ? 'open' : 'collapsed') + (revealed ? '' : ' waiting');
    const shift = revealed && isOpen && win.innerWidth >= WIDE_VIEWPORT_PX;
    if (shift === shifted) return;
    shifted = shift;
    if (shift) html.style.setProperty('margin-right', `${PANEL_WIDTH_PX}px`, 'important');
    else unshift();
  };
  layout();
  win.addEventListener('resize', layout);

  return {
    get open() {
      return isOpen;
    },
    get revealed() {
      return revealed;
    },
    reveal(openNow) {
      revealed = true;
      isOpen = openNow;
      host.removeAttribute(WAITING_ATTR);
      layout();
    },
    setOpen(next) {
      isOpen = next;
      layout();
    },
    focus() {
      frame.focus();
    },
    remove() {
      win.removeEventListener('resize', layout);
      isOpen = false;
      if (shifted) {
        shifted = false;
        unshift();
      }
      host.remove();
    },
  };
}
