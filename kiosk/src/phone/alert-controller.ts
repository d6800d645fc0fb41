import type { ReactiveController, ReactiveControllerHost } from 'lit';

const VIBRATION = [400, 150, 400, 150, 800];
const FLASH_MS = 1000;

/**
 * Gets a customer's attention on a phone: three beeps (WebAudio), vibration, a flashing tab
 * title and, where permitted, a system notification. Browsers only allow sound after a tap,
 * so `unlock()` is called from one (e.g. "turn on sound and alerts").
 */
export class AlertController implements ReactiveController {
  /** Sound is unlocked or notifications are allowed. */
  enabled = false;
  #host: ReactiveControllerHost;
  #audio: AudioContext | null = null;
  #flash: ReturnType<typeof setInterval> | undefined;
  #title = '';

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.enabled = typeof Notification !== 'undefined' && Notification.permission === 'granted';
  }

  hostDisconnected(): void {
    this.stop();
    void this.#audio?.close();
  }

  /** Call from a tap: unlocks audio and asks once for notification permission. */
  async unlock(): Promise<void> {
    this.#audio ??= new AudioContext();
    await this.#audio.resume().catch(() => undefined);
    this.#beep(1);
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
      await Notification.requestPermission().catch(() => undefined);
    }
    this.enabled = true;
    this.#host.requestUpdate();
  }

  /** Sounds, vibrates, flashes `title` in the tab and shows a notification with `body`. */
  fire(title: string, body: string): void {
    this.#beep(3);
    navigator.vibrate?.(VIBRATION);
    this.#flashTitle(title);
    this.#notify(title, body);
  }

  get flashing(): boolean {
    return this.#flash !== undefined;
  }

  /** Stops the title flashing (the customer has seen it). */
  stop(): void {
    if (this.#flash === undefined) return;
    clearInterval(this.#flash);
    this.#flash = undefined;
    document.title = this.#title;
  }

  #beep(count: number): void {
    try {
      this.#audio ??= new AudioContext();
      const ctx = this.#audio;
      void ctx.resume().catch(() => undefined);
      for (let i = 0; i < count; i++) {
        const start = ctx.currentTime + i * 0.35;
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = 880;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.5, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
        osc.connect(gain).connect(ctx.destination);
        osc.start(start);
        osc.stop(start + 0.3);
      }
    } catch {
      // No audio on this device: vibration, title and notification still work.
    }
  }

  #flashTitle(title: string): void {
    this.stop();
    this.#title = document.title;
    let on = false;
    this.#flash = setInterval(() => {
      on = !on;
      document.title = on ? `🔔 ${title}` : this.#title;
    }, FLASH_MS);
    document.title = `🔔 ${title}`;
  }

  #notify(title: string, body: string): void {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    try {
      new Notification(title, { body, tag: 'linecast-ticket', requireInteraction: true });
    } catch {
      // Android Chrome only allows notifications from a service worker; the page alert still shows.
    }
  }
}
