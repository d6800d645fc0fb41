import { css } from 'lit';

export const staffAppStyles = css`
      :host {
        min-height: 100vh;
        background: #f3f5f8;
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.5rem 1rem;
        flex-wrap: wrap;
        padding: 0.5rem 1rem;
        background: #12263f;
        color: #fff;
      }
      header strong {
        margin-right: auto;
      }
      nav a {
        color: #d6e4f5;
        padding: 0.5rem 0.7rem;
        border-radius: 6px;
        text-decoration: none;
      }
      nav a[aria-current='page'] {
        background: #ffffff22;
        color: #fff;
      }
      main {
        padding: 1rem;
      }
      @media print {
        header {
          display: none;
        }
        main {
          padding: 0;
        }
        :host {
          background: #fff;
        }
      }
    `;
