import { css, html, LitElement } from 'lit';
import type { Language } from '../../shared/domain.ts';
import type { CallView, ServiceRow } from './board-model.ts';
import type { PlaylistItem } from './playlist.ts';
import './lc-broadcast-notice.ts';
import './lc-clock.ts';
import './lc-media-zone.ts';
import './lc-missed-rail.ts';
import './lc-now-calling.ts';
import './lc-recent-calls.ts';
import './lc-service-waits.ts';

/** The customer board, 1080p landscape (`layout="board"`) or 1080×1920 portrait (`layout="portrait"`). */
export class LcBoard extends LitElement {
  static override properties = {
    layout: { reflect: true },
    language: {},
    storeName: { attribute: false },
    timeZone: { attribute: false },
    featured: { attribute: false },
    highlighted: { type: Boolean },
    recent: { attribute: false },
    rows: { attribute: false },
    missed: { attribute: false },
    playlist: { attribute: false },
    ducked: { type: Boolean },
    broadcast: { attribute: false },
    resolveMedia: { attribute: false },
  };

  declare layout: 'board' | 'portrait';
  declare language: Language;
  declare storeName: string;
  declare timeZone: string;
  declare featured: CallView | null;
  declare highlighted: boolean;
  declare recent: CallView[];
  declare rows: ServiceRow[];
  declare missed: string[];
  declare playlist: PlaylistItem[];
  declare ducked: boolean;
  /** A manager's message: shown in the media zone's place, so it never covers a call. */
  declare broadcast: string | null;
  declare resolveMedia: (url: string) => string;

  static override styles = css`
    /* The media zone takes what the calls and the waiting list leave: they are never squeezed. */
    :host {
      display: grid;
      box-sizing: border-box;
      height: 100%;
      padding: 1.2em 1.6em;
      gap: 1em;
      grid-template-columns: minmax(0, 1.05fr) minmax(0, 1fr);
      grid-template-rows: auto minmax(14em, 1fr) auto auto;
      grid-template-areas:
        'head head'
        'now media'
        'recent waits'
        'missed missed';
    }
    :host([layout='portrait']) {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto auto auto minmax(0, 1fr) auto auto;
      grid-template-areas: 'head' 'now' 'recent' 'media' 'waits' 'missed';
    }
    header {
      grid-area: head;
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1em;
    }
    h1 {
      margin: 0;
      min-width: 0;
      font-size: 2em;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    lc-now-calling {
      grid-area: now;
      min-height: 14em;
    }
    lc-media-zone,
    lc-broadcast-notice {
      grid-area: media;
      min-height: 0;
    }
    lc-recent-calls {
      grid-area: recent;
      min-height: 0;
      overflow: hidden;
    }
    lc-service-waits {
      grid-area: waits;
      min-width: 0;
      min-height: 0;
      overflow: hidden;
    }
    lc-missed-rail {
      grid-area: missed;
    }
  `;

  constructor() {
    super();
    this.layout = 'board';
    this.language = 'en';
    this.storeName = '';
    this.timeZone = 'UTC';
    this.featured = null;
    this.highlighted = false;
    this.recent = [];
    this.rows = [];
    this.missed = [];
    this.playlist = [];
    this.ducked = false;
    this.broadcast = null;
    this.resolveMedia = (url) => url;
  }

  override render() {
    const lang = this.language;
    return html`<header>
        <h1>${this.storeName}</h1>
        <lc-clock .timeZone=${this.timeZone} .language=${lang}></lc-clock>
      </header>
      <lc-now-calling .call=${this.featured} ?highlighted=${this.highlighted} .language=${lang}></lc-now-calling>
      ${
        this.broadcast
          ? html`<lc-broadcast-notice .message=${this.broadcast} .language=${lang} variant="card"></lc-broadcast-notice>`
          : html`<lc-media-zone
              .items=${this.playlist}
              .timeZone=${this.timeZone}
              .storeName=${this.storeName}
              .language=${lang}
              ?ducked=${this.ducked}
              .resolve=${this.resolveMedia}
            ></lc-media-zone>`
      }
      <lc-recent-calls .calls=${this.recent} .language=${lang}></lc-recent-calls>
      <lc-service-waits .rows=${this.rows} .language=${lang}></lc-service-waits>
      <lc-missed-rail .numbers=${this.missed} .language=${lang}></lc-missed-rail>`;
  }
}

customElements.define('lc-board', LcBoard);

declare global {
  interface HTMLElementTagNameMap {
    'lc-board': LcBoard;
  }
}
