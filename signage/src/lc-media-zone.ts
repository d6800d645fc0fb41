import { css, html, LitElement, type PropertyValues } from 'lit';
import { inWeeklyWindows } from '../../shared/client/weekly-windows.ts';
import type { Language } from '../../shared/domain.ts';
import { textIn } from '../../shared/i18n.ts';
import type { PlaylistItem } from './playlist.ts';

/** Video volume while an announcement plays (ducking), and normally. */
const DUCKED_VOLUME = 0.1;
const FULL_VOLUME = 1;

/**
 * Plays the store's playlist (images, videos, text slides), each for its `durationSec`, skipping
 * items outside their weekday/time windows. Lowers video sound while `ducked`. With nothing to
 * show it shows a text slide with the store's name.
 */
export class LcMediaZone extends LitElement {
  static override properties = {
    items: { attribute: false },
    timeZone: { attribute: false },
    storeName: { attribute: false },
    language: { attribute: false },
    ducked: { type: Boolean },
    resolve: { attribute: false },
    _index: { state: true },
  };

  declare items: PlaylistItem[];
  declare timeZone: string;
  declare storeName: string;
  /** Which of a slide's per-language texts to show. */
  declare language: Language;
  declare ducked: boolean;
  /** Maps a media URL to the one to load (the offline copy). */
  declare resolve: (url: string) => string;
  declare _index: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  static override styles = css`
    :host {
      display: block;
      position: relative;
      overflow: hidden;
      border-radius: 0.8em;
      background: #000;
    }
    img,
    video {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: contain;
    }
    .text {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      padding: 1em;
      box-sizing: border-box;
      background: linear-gradient(135deg, #1d3b6e, #0b1730);
      font-size: 2.6em;
      font-weight: 700;
      text-align: center;
      white-space: pre-line;
    }
  `;

  constructor() {
    super();
    this.items = [];
    this.timeZone = 'UTC';
    this.storeName = '';
    this.language = 'en';
    this.ducked = false;
    this.resolve = (url) => url;
    this._index = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  /** The item on screen now, or null for the store-name slide. */
  get #current(): PlaylistItem | null {
    const showing = this.items.filter((i) => inWeeklyWindows(i.windows, new Date(), this.timeZone));
    return showing.length ? showing[this._index % showing.length]! : null;
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('items') || changed.has('_index')) this.#schedule();
    const video = this.renderRoot.querySelector('video');
    if (video) video.volume = this.ducked ? DUCKED_VOLUME : FULL_VOLUME;
    if (video && changed.has('_index')) {
      // Autoplay with sound may be refused on a screen nobody has touched; play muted then.
      video.play().catch(() => {
        video.muted = true;
        return video.play().catch(() => undefined);
      });
    }
  }

  override render() {
    const item = this.#current;
    if (!item) return html`<div class="text" data-testid="media">${this.storeName}</div>`;
    if (item.kind === 'image' && item.url) {
      return html`<img data-testid="media" src=${this.resolve(item.url)} alt="" />`;
    }
    if (item.kind === 'video' && item.url) {
      return html`<video data-testid="media" src=${this.resolve(item.url)} playsinline @ended=${this.#advance}></video>`;
    }
    return html`<div class="text" data-testid="media">${item.text ? textIn(this.language, item.text, item.textByLanguage) : this.storeName}</div>`;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const seconds = this.#current?.durationSec ?? 30;
    this.#timer = setTimeout(this.#advance, Math.max(1, seconds) * 1000);
  }

  #advance = (): void => {
    this._index = this._index + 1;
  };
}

customElements.define('lc-media-zone', LcMediaZone);

declare global {
  interface HTMLElementTagNameMap {
    'lc-media-zone': LcMediaZone;
  }
}
