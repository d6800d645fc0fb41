import { css, html, LitElement } from 'lit';
import { LANGUAGES } from '../../shared/domain.ts';
import { t } from './signage-messages.ts';

/** Asked for after a tap on the sound banner; the app resumes audio inside that gesture. */
export class EnableSoundEvent extends Event {
  static readonly type = 'lc-enable-sound';
  constructor() {
    super(EnableSoundEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * "Tap to enable sound", shown while the browser's autoplay policy blocks audio.
 *
 * @fires lc-enable-sound
 */
export class LcSoundBanner extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      right: 1em;
      bottom: 1em;
      z-index: 20;
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
    }
  `;

  override render() {
    return html`<button data-testid="enable-sound" @click=${() => this.dispatchEvent(new EnableSoundEvent())}>
      🔊 ${LANGUAGES.map((l) => t(l, 'enableSound')).join(' · ')}
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
