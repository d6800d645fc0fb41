import jsQR from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';

/** Decodes the QR code drawn inside `locator` from a screenshot of it, as a phone camera would. */
export async function decodeQr(locator: Locator): Promise<string | null> {
  const png = PNG.sync.read(await locator.screenshot());
  const code = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  return code?.data ?? null;
}

/**
 * Every string a customer can see or hear on the page: visible text nodes and aria-labels,
 * through all shadow roots.
 */
export function visibleStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot | Element) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const label = el.getAttribute('aria-label');
        if (label && el.checkVisibility()) found.push(label);
        for (const node of Array.from(el.childNodes)) {
          const text = node.nodeType === Node.TEXT_NODE ? node.textContent?.trim() : '';
          if (text && el.checkVisibility()) found.push(text);
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

/**
 * The fixed parts of each English message (placeholders cut out), long enough to be telling:
 * `'Go to {counter} now'` → `['Go to', 'now']` is too short for "now", so `['Go to']`.
 */
export function englishFragments(catalogue: Record<string, string>): string[] {
  return Object.values(catalogue)
    .flatMap((message) => message.split(/\{\w+\}/))
    .map((part) =>
      part
        .trim()
        .replace(/^[·:()—,.]+|[·:()—,.]+$/g, '')
        .trim(),
    )
    .filter((part) => part.length >= 4 && /[A-Za-z]/.test(part));
}

/** The English strings still showing, given what `visibleStrings` found. */
export function leftoverEnglish(strings: string[], catalogue: Record<string, string>): string[] {
  const fragments = englishFragments(catalogue);
  return strings.filter((s) => fragments.some((f) => s.includes(f)));
}

export const HAN = /[\u4e00-\u9fff]/;
