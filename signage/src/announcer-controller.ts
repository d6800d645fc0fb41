import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Language } from '../../shared/domain.ts';
import { announcementText, speechLang } from '../../shared/speech.ts';
import { playChime } from './chime.ts';

export interface Announcement {
  number: string;
  counterName: string;
  /** When the call was made (ms); calls older than `MAX_AGE_MS` by their turn are skipped. */
  at: number;
}

/** A call that could not be announced within this time (sound blocked, long queue) is dropped. */
const MAX_AGE_MS = 90_000;

/**
 * Announces calls one after another: a chime, then one sentence per store language, each
 * waiting for the previous utterance's `end` (or `error`) so announcements never overlap.
 * `speaking` is true for the whole announcement so media can duck; `blocked` is true while
 * the browser's autoplay policy keeps audio suspended (show a "tap to enable sound" banner).
 *
 * @example
 * this.#announcer = new AnnouncerController(this, () => ['en', 'zh-Hans']);
 * this.#announcer.announce({ number: 'A042', counterName: 'Counter 3', at: Date.now() });
 */
export class AnnouncerController implements ReactiveController {
  speaking = false;
  blocked = false;
  #queue: Announcement[] = [];
  #running = false;
  #context: AudioContext | null = null;
  #host: ReactiveControllerHost;
  #languages: () => readonly Language[];
  /** Held so Chromium does not garbage-collect an utterance mid-sentence and lose its `end` event. */
  #inFlight = new Set<SpeechSynthesisUtterance>();

  constructor(host: ReactiveControllerHost, languages: () => readonly Language[]) {
    this.#host = host;
    this.#languages = languages;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof AudioContext === 'undefined') return;
    this.#context ??= new AudioContext();
    this.#context.addEventListener('statechange', this.#checkBlocked);
    this.#checkBlocked();
  }

  hostDisconnected(): void {
    this.#context?.removeEventListener('statechange', this.#checkBlocked);
  }

  /** Resumes audio after a user gesture (the sound banner's tap). */
  async enable(): Promise<void> {
    await this.#context?.resume().catch(() => undefined);
    // Speaking an empty sentence inside the gesture unlocks speech synthesis too.
    if ('speechSynthesis' in window) speechSynthesis.speak(new SpeechSynthesisUtterance(''));
    this.#checkBlocked();
  }

  announce(announcement: Announcement): void {
    this.#queue.push(announcement);
    if (!this.#running) void this.#drain();
  }

  async #drain(): Promise<void> {
    this.#running = true;
    for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
      if (Date.now() - next.at > MAX_AGE_MS) continue;
      this.#setSpeaking(true);
      if (this.#context?.state === 'running') await playChime(this.#context);
      for (const language of this.#languages()) {
        await this.#say(announcementText(language, next.number, next.counterName), speechLang(language));
      }
      this.#setSpeaking(false);
    }
    this.#running = false;
  }

  #say(text: string, lang: string): Promise<void> {
    if (!('speechSynthesis' in window)) return Promise.resolve();
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.rate = 0.9;
      const voice = pickVoice(speechSynthesis.getVoices(), lang);
      if (voice) utterance.voice = voice;
      // Some engines never report the end of a sentence; cut it off rather than stall the queue.
      const watchdog = setTimeout(
        () => {
          speechSynthesis.cancel();
          finish();
        },
        8_000 + text.length * 200,
      );
      const finish = (): void => {
        clearTimeout(watchdog);
        this.#inFlight.delete(utterance);
        resolve();
      };
      utterance.onend = finish;
      utterance.onerror = finish;
      this.#inFlight.add(utterance);
      speechSynthesis.speak(utterance);
    });
  }

  #setSpeaking(speaking: boolean): void {
    this.speaking = speaking;
    this.#host.requestUpdate();
  }

  #checkBlocked = (): void => {
    this.blocked = this.#context?.state === 'suspended';
    this.#host.requestUpdate();
  };
}

/** The voice for a BCP 47 tag: an exact match, else one for the same language (en-GB for en-US). */
function pickVoice(voices: SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const tag = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  const primary = lang.split('-')[0]!.toLowerCase();
  return voices.find((v) => tag(v) === lang.toLowerCase()) ?? voices.find((v) => tag(v).split('-')[0] === primary);
}
