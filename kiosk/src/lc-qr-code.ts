import { css, html, LitElement } from 'lit';
import QRCode from 'qrcode';

/** Modules of blank border a scanner needs around the code. */
const QUIET_ZONE = 4;

/**
 * A QR code drawn as one SVG path, fully in the browser (no request leaves the kiosk).
 *
 * @example
 * html`<lc-qr-code value="https://shop.example/t/abc" label="Scan me"></lc-qr-code>`
 */
export class LcQrCode extends LitElement {
  static override properties = {
    value: { type: String },
    label: { type: String },
  };
  static override styles = css`
    :host {
      display: inline-block;
      background: #fff;
      line-height: 0;
    }
    svg {
      width: 100%;
      height: 100%;
      shape-rendering: crispEdges;
    }
  `;
  declare value: string;
  declare label: string;

  constructor() {
    super();
    this.value = '';
    this.label = '';
  }

  override render() {
    if (!this.value) return null;
    const { modules } = QRCode.create(this.value, { errorCorrectionLevel: 'M' });
    const size = modules.size;
    const full = size + QUIET_ZONE * 2;
    let path = '';
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if (modules.get(y, x)) path += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
      }
    }
    return html`<svg role="img" aria-label=${this.label} viewBox="0 0 ${full} ${full}" xmlns="http://www.w3.org/2000/svg">
      <rect width=${full} height=${full} fill="#fff"></rect>
      <path d=${path} fill="#000"></path>
    </svg>`;
  }
}

customElements.define('lc-qr-code', LcQrCode);

declare global {
  interface HTMLElementTagNameMap {
    'lc-qr-code': LcQrCode;
  }
}
