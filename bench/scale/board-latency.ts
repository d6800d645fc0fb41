/**
 * The display latency we publish: a call committed over HTTP → its number rendered in the
 * "now calling" card of a signage board in Chromium. Each sample issues a ticket, then times
 * from sending call-next to the MutationObserver that sees the number in the card (both clocks
 * are the machine's epoch clock, performance.timeOrigin + performance.now()). Samples are
 * MIN_HIGHLIGHT_MS apart, so a run of n samples takes n × 8 s.
 */
import { MIN_HIGHLIGHT_MS } from '../../signage/src/highlight-controller.ts';
import { launchBrowser } from '../../test/support/browser.ts';

export interface BoardLatency {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

async function post(url: string, cookie: string, body?: unknown) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { ticket: { number: string } };
}

const WATCH_CARD = `(() => {
  const find = (root) => {
    const hit = root.querySelector('[data-testid=now-calling]');
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const inner = el.shadowRoot && find(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const card = find(document);
  if (!card) throw new Error('now-calling card not found');
  const seen = (window.seen = {});
  new MutationObserver(() => {
    const number = card.querySelector('.number')?.textContent?.trim();
    if (number && seen[number] === undefined) seen[number] = performance.timeOrigin + performance.now();
  }).observe(card, { subtree: true, childList: true, characterData: true });
})()`;

export async function boardLatency(
  base: string,
  cookie: string,
  counter: string,
  samples: number,
): Promise<BoardLatency> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/signage/?store=demo&layout=board`);
    await page.locator('[data-testid=now-calling]').waitFor({ timeout: 60_000 });
    // Watch the card from inside the page: record when each number first shows.
    // A string, not a function: tsx would wrap named functions in a helper the page lacks.
    await page.evaluate(WATCH_CARD);
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      await post(`${base}/api/stores/demo/tickets`, cookie, { serviceId: 'pickup' });
      await new Promise((r) => setTimeout(r, 100));
      const sentAt = performance.timeOrigin + performance.now();
      const { ticket } = await post(`${base}/api/stores/demo/counters/${counter}/call-next`, cookie);
      const shownAt = await page
        .waitForFunction(`window.seen[${JSON.stringify(ticket.number)}]`, undefined, { timeout: 10_000, polling: 20 })
        .then((h) => h.jsonValue() as Promise<number>)
        .catch(() => Number.NaN);
      if (!Number.isNaN(shownAt)) latencies.push(shownAt - sentAt);
      // The board features each call for MIN_HIGHLIGHT_MS before the next: wait it out, so each
      // sample times a call to an idle board rather than the queue of featured calls.
      await new Promise((r) => setTimeout(r, MIN_HIGHLIGHT_MS + 300));
    }
    latencies.sort((a, b) => a - b);
    const q = (p: number) =>
      Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN) * 10) / 10;
    return { samples: latencies.length, p50Ms: q(0.5), p99Ms: q(0.99), maxMs: q(1) };
  } finally {
    await browser.close();
  }
}
