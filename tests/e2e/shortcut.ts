// Presses an extension's keyboard shortcut in headless Chromium so that the browser routes it
// to `commands`, as a reader's key press is.
//
// Chromium matches extension shortcuts in its browser UI (as accelerators), not in the page.
// Playwright's keyboard.press sends CDP `keyDown` events without a native key code: the page
// sees them, the accelerator table never does, and onCommand stays silent. A CDP
// `rawKeyDown` that carries the platform key code (`nativeVirtualKeyCode`) goes the whole way:
// the page does not handle it, Chromium looks it up among the accelerators, finds the
// extension's command and fires onCommand. Checked on Debian's Chromium 156, new headless.
import type { BrowserContext, Page } from 'playwright-core';

/** CDP modifier bits. */
const MODIFIER_BITS: Record<string, number> = { Alt: 1, Ctrl: 2, Control: 2, Meta: 4, Command: 4, Shift: 8 };

/** Presses a shortcut written as the manifest writes it ("Alt+Shift+K"); only letter keys. */
export async function pressShortcut(context: BrowserContext, page: Page, shortcut: string): Promise<void> {
  const parts = shortcut.split('+');
  const letter = parts.pop()!;
  if (!/^[A-Z]$/.test(letter)) throw new Error(`pressShortcut: only letter keys, not ${letter}`);
  let modifiers = 0;
  for (const part of parts) {
    const bit = MODIFIER_BITS[part];
    if (bit === undefined) throw new Error(`pressShortcut: unknown modifier ${part}`);
    modifiers |= bit;
  }
  const keyCode = letter.charCodeAt(0); // VK_A..VK_Z are the capital letters' codes
  const key = { modifiers, key: letter, code: `Key${letter}`, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode };
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  } finally {
    await cdp.detach();
  }
}
