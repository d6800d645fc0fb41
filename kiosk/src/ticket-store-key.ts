/**
 * Where "join from your phone" remembers which store a ticket belongs to, so the phone page can
 * join that store's live room even before the ticket's own answer says so.
 */
export const ticketStoreKey = (token: string) => `linecast:ticket:${token}:store`;
