/**
 * This page's address in another store: the app reloads on `?store=`, so every page, socket and
 * loaded list follows the switch.
 * @example storeAddress('north', '#admin/store') // '/staff/?store=north#admin/store'
 */
export function storeAddress(store: string, hash = '#admin/store'): string {
  const params = new URLSearchParams(location.search);
  params.set('store', store);
  return `${location.pathname}?${params}${hash}`;
}
