import { css, html, LitElement } from 'lit';
import { LANGUAGES } from '../../shared/domain.ts';
import { t } from './signage-messages.ts';

/** A speaker glyph drawn inline: kiosk machines often lack an emoji font. */
const SPEAKER = html`<svg viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true">
  <path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z" />
</svg>`;

/** Asked for after a tap on the sound banner; the app resumes audio inside that gesture. */
export class EnableSoundEvent extends Event {
  static readonly type = 'lc-enable-sound';
  constructor() {
    super(EnableSoundEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * "Tap to enable sound", shown while the browser's autoplay policy blocks audio. A strip at the
 * foot of the screen that takes its own room (the board shrinks above it), so it covers nothing.
 *
 * @fires lc-enable-sound
 */
export class LcSoundBanner extends LitElement {
  static override styles = css`
    :host {
      flex: none;
      display: flex;
      justify-content: center;
      padding: 0.4em 1em 0.8em;
    }
    button {
      min-height: 48px;
      padding: 0.7em 1.2em;
      border: 0;
      border-radius: 0.6em;
      background: #fff;
      color: #111;
      font: inherit;
      font-size: 1.2em;
      font-weight: 700;
      cursor: pointer;
      display: flex;
      align-items: center;
      gap: 0.5em;
    }
  `;

  override render() {
    return html`<button data-testid="enable-sound" @click=${() => this.dispatchEvent(new EnableSoundEvent())}>
      ${SPEAKER} ${LANGUAGES.map((l) => t(l, 'enableSound')).join(' · ')}
    </button>`;
  }
}

customElements.define('lc-sound-banner', LcSoundBanner);

declare global {
  interface HTMLElementTagNameMap {
    'lc-sound-banner': LcSoundBanner;
  }
  interface GlobalEventHandlersEventMap {
    'lc-enable-sound': EnableSoundEvent;
  }
}
