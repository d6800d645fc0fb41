import { css } from 'lit';

export const dashboardStyles = css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0.75rem;
      }
      .tile .value {
        font-size: 2rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .tile .label {
        color: #4a5361;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 0.75rem;
        margin-top: 0.75rem;
      }
      .alert {
        background: #fdecea;
        border-color: #f3b4ae;
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        margin-bottom: 0.5rem;
      }
      .bad {
        color: #b3261e;
      }
      .good {
        color: #0d5b22;
      }
    `;
