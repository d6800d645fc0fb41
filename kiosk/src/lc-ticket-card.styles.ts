import { css } from 'lit';

/**
 * `<lc-ticket-card>` on screen, and in print the 80 mm thermal receipt that is the only thing
 * `window.print()` puts on paper (the page sets `@page { size: 80mm auto }`).
 */
export const ticketCardStyles = css`
  :host {
    display: block;
  }
  .screen {
    display: grid;
    gap: clamp(16px, 2.5vmin, 40px);
    grid-template-areas: 'number' 'facts' 'qr' 'actions';
  }
  @media (orientation: landscape) {
    .screen {
      grid-template-columns: 3fr 2fr;
      grid-template-areas: 'number qr' 'facts qr' 'actions actions';
    }
  }
  .number-box {
    grid-area: number;
    display: grid;
    justify-items: center;
    padding: 0.5em;
    border-radius: 24px;
    background: #fff;
    color: #102a43;
    font-size: clamp(24px, 3vmin, 48px);
  }
  .number-box .number {
    font-size: clamp(96px, 16vmin, 260px);
    line-height: 1.05;
    letter-spacing: 0.04em;
  }
  .number-box .service {
    max-width: 100%;
    font-weight: 700;
    text-align: center;
    overflow-wrap: break-word;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .priority {
    margin-top: 0.3em;
    padding: 0.1em 0.8em;
    border-radius: 999px;
    background: #ffcd3c;
    color: #102a43;
    font-weight: 800;
    text-transform: uppercase;
  }
  dl {
    grid-area: facts;
    margin: 0;
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.75em;
    font-size: clamp(24px, 3.6vmin, 52px);
  }
  .wide {
    grid-column: 1 / -1;
  }
  dt {
    font-size: 0.7em;
    opacity: 0.9;
  }
  dd {
    margin: 0;
    font-weight: 700;
  }
  .qr {
    grid-area: qr;
    margin: 0;
    display: grid;
    justify-items: center;
    align-content: center;
    gap: 0.5em;
    font-size: clamp(20px, 2.4vmin, 36px);
    text-align: center;
  }
  .qr lc-qr-code {
    width: clamp(240px, 36vmin, 520px);
    height: clamp(240px, 36vmin, 520px);
  }
  .actions {
    grid-area: actions;
    display: flex;
    gap: 1em;
  }
  button {
    flex: 1;
    min-height: 88px;
    border: 3px solid #fff;
    border-radius: 20px;
    background: #fff;
    color: #102a43;
    font: inherit;
    font-size: clamp(24px, 3vmin, 44px);
    font-weight: 700;
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: #fff;
  }
  button:focus-visible {
    outline: 6px solid #ffcd3c;
    outline-offset: 4px;
  }
  .receipt {
    display: none;
  }
  @media print {
    .screen {
      display: none;
    }
    .receipt {
      display: block;
      width: 72mm;
      color: #000;
      background: #fff;
      font: 11pt/1.3 system-ui, sans-serif;
      text-align: center;
    }
    .receipt p {
      margin: 0 0 2mm;
    }
    .receipt .number {
      font-size: 40pt;
      font-weight: 800;
    }
    .receipt .store {
      font-size: 12pt;
      font-weight: 700;
    }
    .receipt .priority {
      display: inline-block;
      padding: 0 3mm;
      border: 0.6mm solid #000;
      font-size: 14pt;
      font-weight: 800;
      text-transform: uppercase;
    }
    .receipt .service {
      font-size: 14pt;
      font-weight: 700;
    }
    .receipt lc-qr-code {
      width: 40mm;
      height: 40mm;
    }
  }
`;
