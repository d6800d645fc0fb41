import { css } from 'lit';

/**
 * The phone page's buttons: outlined, 48 px tall (a thumb's width), filled when pressed or
 * primary, and one focus ring for every control.
 */
export const phoneButtonStyles = css`
  button {
    min-height: 48px;
    border: 2px solid #102a43;
    border-radius: 12px;
    background: #fff;
    color: #102a43;
    font: inherit;
    font-weight: 700;
  }
  button[aria-pressed='true'],
  button.primary {
    background: #102a43;
    color: #fff;
  }
  :focus-visible {
    outline: 3px solid #0b5cad;
    outline-offset: 2px;
  }
`;
