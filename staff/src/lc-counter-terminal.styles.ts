import { css } from 'lit';

export const terminalStyles = css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr);
        gap: 1rem;
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      .ticket {
        font-size: clamp(3rem, 9vw, 6rem);
        font-weight: 800;
        letter-spacing: 0.04em;
        margin: 0;
      }
      .status {
        display: inline-block;
        padding: 0.15rem 0.6rem;
        border-radius: 999px;
        background: #e3e8ef;
        font-weight: 600;
      }
      .status.open {
        background: #d5f0dc;
        color: #0d5b22;
      }
      .status.paused {
        background: #fdebc8;
        color: #7a4b00;
      }
      .actions {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
        gap: 0.6rem;
        margin-top: 1rem;
      }
      .actions sl-button::part(base) {
        min-height: 64px;
        font-size: 1.1rem;
        align-items: center;
      }
      .actions sl-button::part(label) {
        flex: 1;
        text-align: left;
      }
      .timer {
        font-size: 2rem;
        font-variant-numeric: tabular-nums;
      }
      .counters {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        gap: 0.6rem;
      }
      .counters sl-button::part(base) {
        min-height: 72px;
        height: auto;
        line-height: 1.4;
        padding: 0.5rem 0;
        white-space: normal;
        justify-content: flex-start;
        text-align: left;
      }
      .big {
        font-size: 2.5rem;
        font-weight: 700;
      }
      aside {
        display: grid;
        gap: 1rem;
        align-content: start;
      }
    `;
