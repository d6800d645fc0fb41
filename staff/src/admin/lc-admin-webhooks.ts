import { html } from 'lit';
import type { WebhookDeliveryDto, WebhookDto } from '../../../shared/api/webhook-schemas.ts';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../../../shared/protocol.ts';
import { AdminSection, formValues } from './admin-section.ts';

/** Outgoing webhooks of the store: add one, see its secret, turn it off, and read the delivery log. */
export class LcAdminWebhooks extends AdminSection {
  static override properties = { ...AdminSection.properties, webhooks: { state: true }, deliveries: { state: true } };
  declare webhooks: WebhookDto[];
  declare deliveries: WebhookDeliveryDto[];

  constructor() {
    super();
    this.webhooks = [];
    this.deliveries = [];
  }

  override async load(): Promise<void> {
    try {
      this.webhooks = (await this.api.call('listWebhooks', { params: this.storeParams })).webhooks;
      this.deliveries = (
        await this.api.call('webhookDeliveries', { params: this.storeParams, query: { limit: 50 } })
      ).deliveries;
    } catch {
      this.webhooks = [];
    }
  }

  override render() {
    return html`<h2>${this.t('admin.webhooks')}</h2>
      <p class="muted">${this.t('admin.webhooksHelp')}</p>
      <form @submit=${this.#add} data-testid="webhook-form">
        <sl-input label=${this.t('admin.webhookUrl')} name="url" type="url" required maxlength="500" placeholder="https://" style="flex:1"></sl-input>
        <fieldset>
          <legend>${this.t('admin.webhookEvents')}</legend>
          ${WEBHOOK_EVENTS.map((e) => html`<sl-checkbox name="event" value=${e}><code>${e}</code></sl-checkbox>`)}
        </fieldset>
        <sl-button variant="primary" type="submit">${this.t('common.add')}</sl-button>
      </form>
      ${this.messages()}
      <table data-testid="webhooks">
        <tr><th>${this.t('admin.webhookUrl')}</th><th>${this.t('admin.webhookEvents')}</th><th>${this.t('admin.webhookSecret')}</th><th></th></tr>
        ${this.webhooks.map(
          (w) => html`<tr>
            <td>${w.url}</td>
            <td>${w.events.length === 0 ? this.t('admin.allEvents') : w.events.join(', ')}</td>
            <td><code>${w.secret}</code></td>
            <td><sl-button size="small" variant=${w.active ? 'danger' : 'default'} outline @click=${() => this.change(() => this.api.call('updateWebhook', { params: { ...this.storeParams, webhook: w.id }, body: { active: !w.active } }))}>${w.active ? this.t('admin.turnOff') : this.t('admin.turnOn')}</sl-button></td>
          </tr>`,
        )}
      </table>
      <h3 style="margin-top:1.5rem">${this.t('admin.deliveries')}</h3>
      <table data-testid="webhook-deliveries">
        <tr><th>${this.t('admin.when')}</th><th>${this.t('admin.event')}</th><th>${this.t('admin.deliveryStatus')}</th><th>${this.t('admin.attempts')}</th><th>${this.t('admin.lastAnswer')}</th></tr>
        ${this.deliveries.map(
          (d) => html`<tr>
            <td>${this.when(d.createdAt)}</td>
            <td><code>${d.eventType}</code> #${d.seq}</td>
            <td>${this.t(`admin.delivery.${d.status}`)}</td>
            <td>${d.attempts}</td>
            <td class="muted">${d.lastStatusCode ?? d.lastError ?? '—'}</td>
          </tr>`,
        )}
      </table>`;
  }

  #add = async (event: SubmitEvent) => {
    const form = event.target as HTMLFormElement;
    const v = formValues(event);
    const events = new FormData(form).getAll('event').map((e) => String(e) as WebhookEventType);
    const ok = await this.change(() =>
      this.api.call('createWebhook', { params: this.storeParams, body: { url: v.url ?? '', events } }),
    );
    if (ok) form.reset();
  };
}
customElements.define('lc-admin-webhooks', LcAdminWebhooks);

declare global {
  interface HTMLElementTagNameMap {
    'lc-admin-webhooks': LcAdminWebhooks;
  }
}
