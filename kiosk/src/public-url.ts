import type { StorePublicConfig } from '../../shared/domain.ts';

/**
 * The address phones reach this server at: the store's own setting, else the server's
 * `PUBLIC_URL` (written into the page as `<meta name="linecast-public-url">`), else the address
 * this page was opened with — which on a kiosk running its browser locally is `localhost`.
 */
export function publicBase(config: Pick<StorePublicConfig, 'publicUrl'> | null): string {
  const fromServer = document.querySelector<HTMLMetaElement>('meta[name="linecast-public-url"]')?.content;
  const base = config?.publicUrl || fromServer || location.origin;
  return base.replace(/\/+$/, '');
}

/**
 * The phone page of a ticket.
 * @example phoneLink({ publicUrl: 'https://q.shop.example' }, 'abc') // 'https://q.shop.example/t/abc'
 */
export function phoneLink(config: Pick<StorePublicConfig, 'publicUrl'> | null, token: string): string {
  return `${publicBase(config)}/t/${encodeURIComponent(token)}`;
}
