import { css } from 'lit';

/** Shared look of the staff pages: buttons, tables, cards, form rows. */
export const staffStyles = css`
  :host {
    display: block;
    color: #1b1f24;
    font-family: system-ui, 'PingFang SC', 'Noto Sans CJK SC', sans-serif;
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.4rem 0.9rem;
    border-radius: 8px;
    border: 1px solid #8a94a3;
    background: #fff;
    color: #1b1f24;
    cursor: pointer;
  }
  button.primary {
    background: #0b5cad;
    border-color: #0b5cad;
    color: #fff;
  }
  button.danger {
    border-color: #b3261e;
    color: #b3261e;
  }
  button:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid #f4b400;
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: 40px;
    padding: 0.25rem 0.5rem;
    border: 1px solid #8a94a3;
    border-radius: 6px;
    box-sizing: border-box;
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-height: 0;
    width: 1.15rem;
    height: 1.15rem;
    margin: 0 0.3rem 0 0;
    vertical-align: middle;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: left;
    padding: 0.35rem 0.6rem;
    border-bottom: 1px solid #dde1e6;
  }
  th {
    font-weight: 600;
    color: #4a5361;
  }
  .card {
    background: #fff;
    border: 1px solid #dde1e6;
    border-radius: 12px;
    padding: 1rem;
  }
  .row {
    display: flex;
    gap: 0.6rem;
    align-items: center;
    flex-wrap: wrap;
  }
  .error {
    color: #b3261e;
  }
  .muted {
    color: #5b6472;
  }
  kbd {
    display: inline-block;
    min-width: 1.2em;
    padding: 0 0.3em;
    border: 1px solid currentColor;
    border-radius: 4px;
    font: 600 0.8em ui-monospace, monospace;
    text-align: center;
    opacity: 0.85;
  }
  .big {
    font-size: 2.5rem;
    font-weight: 700;
  }
  h2 {
    font-size: 1.2rem;
    margin: 0 0 0.75rem;
  }
  h3 {
    font-size: 1rem;
    margin: 0 0 0.5rem;
  }
`;
