import { html } from 'lit';

/** Every IANA zone the browser knows, plus UTC (which Chromium leaves out of the list). */
function zones(current: string): string[] {
  const known = Intl.supportedValuesOf('timeZone');
  const list = known.includes('UTC') ? known : ['UTC', ...known];
  return current && !list.includes(current) ? [current, ...list] : list;
}

/**
 * A select of IANA time zones named `timeZone` with `current` chosen: a typo cannot reach the
 * server, and a store's existing zone stays selectable even where the browser lacks it.
 */
export function timeZoneSelect(label: string, current: string) {
  return html`<sl-select label=${label} name="timeZone" required value=${current} data-testid="time-zone">
    ${zones(current).map((zone) => html`<sl-option value=${zone}>${zone}</sl-option>`)}
  </sl-select>`;
}
