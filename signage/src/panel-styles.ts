import { css } from 'lit';

/** A titled panel of the board ("Recent calls", "Waiting now"): a block with a quiet heading. */
export const panelStyles = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 0.4em;
    font-size: 1.3em;
    font-weight: 600;
    opacity: 0.85;
  }
`;
