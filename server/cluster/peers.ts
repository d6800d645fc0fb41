/**
 * What one node tells the others so they stay current without being asked: the line moved, a
 * screen's status changed, webhooks were edited. Socket payloads do not go through here (the
 * socket.io adapter carries them); only hints to re-read shared storage.
 */
export type PeerMessage =
  | { topic: 'line:committed'; storeId: string; seq: number }
  | { topic: 'devices:changed'; storeId: string }
  | { topic: 'webhooks:changed' };

export interface Peers {
  /** Tells every other node (never this one). */
  publish(message: PeerMessage): void;
  /** Hears what other nodes publish. */
  subscribe(handler: (message: PeerMessage) => void): void;
  close(): Promise<void>;
}

/** One process alone: nobody to tell. */
export const noPeers: Peers = {
  publish() {},
  subscribe() {},
  close: async () => {},
};
