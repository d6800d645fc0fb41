import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/input/input.js';
import type SlInput from '@shoelace-style/shoelace/dist/components/input/input.js';
import { css, html, LitElement } from 'lit';
import { callApi } from '../../shared/api/client.ts';
import type { Language, UserDto } from '../../shared/domain.ts';
import { errorText } from './api-client.ts';
import type { Translate } from './i18n/staff-messages.ts';
import { staffStyles } from './staff-styles.ts';

/** Typed event: a user signed in. */
export class SignedInEvent extends Event {
  readonly user: UserDto;
  constructor(user: UserDto) {
    super('signed-in', { bubbles: true, composed: true });
    this.user = user;
  }
}

/**
 * Username and password form; fires `signed-in` with the user.
 * @fires signed-in
 */
export class LcSignIn extends LitElement {
  static override properties = {
    t: { attribute: false },
    language: { attribute: false },
    expired: { type: Boolean },
    problem: { state: true },
    busy: { state: true },
  };
  static override styles = [
    staffStyles,
    css`
      form {
        max-width: 22rem;
        margin: 10vh auto;
        display: grid;
        gap: 0.75rem;
      }
    `,
  ];
  declare t: Translate;
  declare language: Language;
  declare expired: boolean;
  declare problem: string | null;
  declare busy: boolean;

  constructor() {
    super();
    this.expired = false;
    this.problem = null;
    this.busy = false;
  }

  override render() {
    const t = this.t;
    return html`<form class="card" @submit=${this.#submit}>
      <h2>${t('signIn.title')}</h2>
      ${this.expired ? html`<p class="muted" role="status">${t('signIn.expired')}</p>` : ''}
      <sl-input label=${t('signIn.username')} name="username" autocomplete="username" required autofocus></sl-input>
      <sl-input label=${t('signIn.password')} name="password" type="password" autocomplete="current-password" required password-toggle></sl-input>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : ''}
      <sl-button variant="primary" type="submit" ?loading=${this.busy}>${t('signIn.submit')}</sl-button>
    </form>`;
  }

  override async firstUpdated(): Promise<void> {
    // `autofocus` inside two shadow roots is not reliably honoured once the page has loaded.
    const username = this.renderRoot.querySelector<SlInput>('sl-input');
    await username?.updateComplete;
    username?.focus();
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.problem = null;
    try {
      const { user } = await callApi('login', {
        body: { username: String(form.get('username')), password: String(form.get('password')) },
      });
      this.dispatchEvent(new SignedInEvent(user));
    } catch (error) {
      this.problem = signInProblem(error, (key, params) => this.t(key, params));
    } finally {
      this.busy = false;
    }
  }
}
customElements.define('lc-sign-in', LcSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'lc-sign-in': LcSignIn;
  }
  interface GlobalEventHandlersEventMap {
    'signed-in': SignedInEvent;
  }
}

/** What to tell a person whose sign-in failed, in their language: a throttle's wait in words. */
export function signInProblem(error: unknown, t: Translate): string {
  const failed = error as { status?: number; retryAfterSec?: number };
  if (failed.status === 401) return t('signIn.wrong');
  if (failed.status === 429) {
    const sec = failed.retryAfterSec ?? 60;
    return sec < 60 ? t('signIn.tooManySeconds', { n: sec }) : t('signIn.tooManyMinutes', { n: Math.ceil(sec / 60) });
  }
  return errorText(error);
}
