import { css } from 'lit';

/** Layout of `<lc-phone-ticket>`: one column, readable from 360 px wide up. */
export const phoneTicketStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: 560px;
    min-height: 100vh;
    margin: 0 auto;
    padding: 12px 16px 32px;
    color: #102a43;
    font-family: system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
    font-size: 18px;
    line-height: 1.4;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 12px;
    margin-bottom: 12px;
  }
  header lc-language-button {
    color: #102a43;
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
    gap: 16px;
  }
  .banner {
    margin: 0 0 12px;
    padding: 10px 14px;
    border-radius: 12px;
    background: #fff3c4;
    color: #5c3c00;
    font-weight: 600;
  }
  .card {
    display: grid;
    gap: 6px;
    padding: 16px;
    border-radius: 18px;
    background: #fff;
    box-shadow: 0 1px 4px rgb(16 42 67 / 0.15);
  }
  h1 {
    margin: 0;
    font-size: 24px;
  }
  p {
    margin: 0;
  }
  .number {
    font-size: 64px;
    font-weight: 800;
    line-height: 1.1;
    letter-spacing: 0.03em;
  }
  .service {
    font-weight: 700;
    overflow-wrap: break-word;
  }
  .join {
    display: block;
    margin-top: 8px;
    padding: 14px 16px;
    border-radius: 12px;
    background: #0b5cad;
    color: #fff;
    font-weight: 700;
    text-align: center;
    text-decoration: none;
  }
  .join:focus-visible {
    outline: 3px solid #102a43;
    outline-offset: 2px;
  }
  .final {
    font-size: 20px;
    font-weight: 600;
  }
  dl {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px;
    margin: 8px 0 0;
  }
  .wide {
    grid-column: 1 / -1;
  }
  dt {
    font-size: 15px;
    color: #334e68;
  }
  dd {
    margin: 0;
    font-size: 22px;
    font-weight: 700;
  }
  .ahead-alert {
    display: grid;
    gap: 8px;
    padding: 16px;
    border-radius: 18px;
    background: #ffcd3c;
    color: #102a43;
  }
  .ahead-alert h2 {
    margin: 0;
    font-size: 24px;
  }
  .ahead-alert button {
    min-height: 48px;
    border: 0;
    border-radius: 12px;
    background: #102a43;
    color: #fff;
    font: inherit;
    font-weight: 700;
  }
  .ahead-alert button:focus-visible {
    outline: 3px solid #102a43;
    outline-offset: 2px;
  }
  p[role='alert'] {
    color: #8a1c1c;
    font-weight: 600;
  }
`;
