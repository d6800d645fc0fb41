import type { Locator, Page } from 'playwright-core';

/** One element whose whole box must be on screen, uncovered and apart from the others. */
export interface Target {
  name: string;
  /** Every element it matches is checked (e.g. each waiting row). */
  locator: Locator;
  /** Also check the element is not painted over by another (its centre and four inner points). */
  uncovered?: boolean;
}

interface Placed {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Sub-pixel rounding is not overlap. */
const SLACK = 1;

/**
 * What is wrong with the layout, in words a failing test can print: an element missing, off the
 * viewport, painted over by another element, or overlapping another target. Empty when all hold.
 * With `scrolls` (a phone page) only the width must fit; each element is scrolled into view first.
 *
 * @example expect(await layoutProblems(page, [{ name: 'priority', locator: page.locator('.switch') }])).toEqual([])
 */
export async function layoutProblems(
  page: Page,
  targets: Target[],
  options: { scrolls?: boolean } = {},
): Promise<string[]> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('the page has no viewport');
  const problems: string[] = [];
  const placed: Placed[] = [];
  for (const target of targets) {
    const all = await target.locator.all();
    if (all.length === 0) problems.push(`${target.name}: not found`);
    for (const [i, element] of all.entries()) {
      const name = all.length > 1 ? `${target.name} #${i + 1}` : target.name;
      // A phone page scrolls: bring each element into view, and compare boxes in page coordinates.
      if (options.scrolls) await element.scrollIntoViewIfNeeded();
      const scrollY = options.scrolls ? await page.evaluate(() => window.scrollY) : 0;
      const seen = await element.boundingBox();
      const box = seen && { ...seen, y: seen.y + scrollY };
      if (!box || box.width < 1 || box.height < 1) {
        problems.push(`${name}: not rendered`);
        continue;
      }
      const inside =
        box.x >= -SLACK &&
        box.x + box.width <= viewport.width + SLACK &&
        (options.scrolls || (box.y >= -SLACK && box.y + box.height <= viewport.height + SLACK));
      if (!inside)
        problems.push(`${name}: outside the ${viewport.width}×${viewport.height} viewport at ${describe(box)}`);
      if (target.uncovered !== false && !(await element.evaluate(isOnTop)))
        problems.push(`${name}: covered by another element`);
      placed.push({ name, ...box });
    }
  }
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i]!;
      const b = placed[j]!;
      if (overlap(a, b)) problems.push(`${a.name} (${describe(a)}) overlaps ${b.name} (${describe(b)})`);
    }
  }
  return problems;
}

function overlap(a: Placed, b: Placed): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > SLACK && h > SLACK;
}

function describe(box: { x: number; y: number; width: number; height: number }): string {
  return `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`;
}

/** Runs in the page: is `el` (or something inside it) what a tap at its centre and inner points would hit? */
function isOnTop(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const points = [
    [0.5, 0.5],
    [0.15, 0.15],
    [0.85, 0.15],
    [0.15, 0.85],
    [0.85, 0.85],
  ] as const;
  return points.every(([fx, fy]) => {
    const x = r.left + r.width * fx;
    const y = r.top + r.height * fy;
    let hit: Element | null = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    for (let node: Node | null = hit; node; ) {
      if (node === el) return true;
      node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
    }
    return false;
  });
}

/** Does the word appear on one line wherever it is rendered inside `locator` (no break mid-word)? */
export function wordStaysWhole(locator: Locator, word: string): Promise<boolean> {
  return locator.evaluate((root, word) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(word) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      if (tops.size > 1) return false;
    }
    return true;
  }, word);
}

/** Service names at the longest the admin accepts (80 characters), one per language. */
export const LONG_NAMES = {
  en: 'Personalisation of leather goods, watches and jewellery: engraving and monograms',
  'zh-Hans':
    '个性化定制服务：皮具、手表与珠宝的刻字、烫印与字母组合图案设计，另提供礼品包装、贺卡书写与当日取件安排，并可预约专属顾问一对一沟通设计细节与交付时间和全程服务。',
} as const;
