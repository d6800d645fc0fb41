import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { callApi } from '../api/client.ts';

/** A manager entered the code: this kiosk or screen now has its own device token. */
export class DevicePairedEvent extends Event {
  static readonly type = 'lc-device-paired';
  readonly deviceToken: string;
  constructor(deviceToken: string) {
    super(DevicePairedEvent.type, { bubbles: true, composed: true });
    this.deviceToken = deviceToken;
  }
}

const POLL_MS = 3_000;

/**
 * Pairs a kiosk or screen: gets a one-time code to show, polls until a manager enters it under
 * Admin → Devices, then fires `lc-device-paired` from the host. An expired code, or one whose
 * token went to an answer that never arrived ("claimed"), is replaced by a new one; while the
 * server cannot be reached, `unreachable` is set and it keeps trying.
 *
 * @example
 * #pairing = new PairingController(this, { store: () => this.store, kind: 'kiosk' }); // render this.#pairing.code
 */
export class PairingController implements ReactiveController {
  code: string | null = null;
  unreachable = false;
  #host: ReactiveControllerHost & HTMLElement;
  #options: { store: () => string; kind: 'kiosk' | 'signage' };
  #pairingId = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: { store: () => string; kind: 'kiosk' | 'signage' }) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    void this.#request();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  async #request(): Promise<void> {
    try {
      const pairing = await callApi('startPairing', {
        body: { store: this.#options.store(), kind: this.#options.kind },
      });
      this.#pairingId = pairing.pairingId;
      this.#show(pairing.code, false);
      this.#later(() => this.#poll());
    } catch {
      this.#show(this.code, true);
      this.#later(() => this.#request());
    }
  }

  async #poll(): Promise<void> {
    const result = await callApi('pollPairing', { params: { pairingId: this.#pairingId } }).catch(() => null);
    if (result?.status === 'paired') {
      this.#host.dispatchEvent(new DevicePairedEvent(result.deviceToken));
    } else if (result?.status === 'expired' || result?.status === 'claimed') {
      this.#show(null, false);
      await this.#request();
    } else {
      this.#show(this.code, result === null);
      this.#later(() => this.#poll());
    }
  }

  #show(code: string | null, unreachable: boolean): void {
    this.code = code;
    this.unreachable = unreachable;
    this.#host.requestUpdate();
  }

  #later(next: () => Promise<void>): void {
    clearTimeout(this.#timer);
    if (this.#host.isConnected) this.#timer = setTimeout(() => void next(), POLL_MS);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lc-device-paired': DevicePairedEvent;
  }
}
