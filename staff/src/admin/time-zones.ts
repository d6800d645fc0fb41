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
export function timeZoneSelect(current: string) {
  return html`<select name="timeZone" required data-testid="time-zone">
    ${zones(current).map((zone) => html`<option value=${zone} ?selected=${zone === current}>${zone}</option>`)}
  </select>`;
}
