import { css } from 'lit';

/** Layout of `<lc-kiosk-app>`: fills a portrait 1080×1920 or landscape 1920×1080 screen. */
export const kioskAppStyles = css`
  :host {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: auto 1fr;
    gap: clamp(16px, 3vmin, 48px);
    min-height: 100vh;
    box-sizing: border-box;
    padding: clamp(20px, 4vmin, 72px);
    background: #102a43;
    color: #fff;
    font-family: system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
    font-size: clamp(20px, 3vmin, 44px);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1em;
  }
  .store {
    min-width: 0;
    font-weight: 700;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  header lc-language-button {
    flex: none;
  }
  main {
    display: grid;
    align-content: center;
    gap: 1em;
  }
  .busy {
    margin: 0;
    padding: 0.5em 0.8em;
    border-radius: 12px;
    background: #ffcd3c;
    color: #102a43;
    font-weight: 700;
  }
  .problem {
    display: grid;
    gap: 1em;
    padding: 1em;
    border-radius: 24px;
    background: #fff;
    color: #8a1c1c;
    font-size: clamp(26px, 3.4vmin, 52px);
    font-weight: 700;
  }
  .problem p {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
  }
  button {
    flex: 1;
    min-height: 88px;
    min-width: 200px;
    border: 3px solid #102a43;
    border-radius: 20px;
    background: #102a43;
    color: #fff;
    font: inherit;
    cursor: pointer;
  }
  button.secondary {
    background: #fff;
    color: #102a43;
  }
  button:focus-visible {
    outline: 6px solid #ffcd3c;
    outline-offset: 4px;
  }
  @media print {
    :host {
      display: block;
      min-height: 0;
      padding: 0;
      background: #fff;
      color: #000;
    }
    header {
      display: none;
    }
  }
`;
