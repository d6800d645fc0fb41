/** The counter terminal's one-key commands. Letters are matched case-insensitively. */
export const TERMINAL_KEYS = {
  callNext: 'N',
  recall: 'R',
  start: 'S',
  complete: 'C',
  noShow: 'X',
  transfer: 'T',
  open: 'O',
  pause: 'P',
  close: 'Q',
} as const;

export type TerminalAction = keyof typeof TERMINAL_KEYS;

/**
 * The terminal action a key press asks for, or null. Space is a second key for "call next".
 *
 * @example
 * actionForKey({ key: 'n' }) // 'callNext'
 */
export function actionForKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): TerminalAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === ' ') return 'callNext';
  const key = event.key.toUpperCase();
  const found = Object.entries(TERMINAL_KEYS).find(([, k]) => k === key);
  return found ? (found[0] as TerminalAction) : null;
}

/** True while the user types into a field: keys then belong to the field. */
export function isTyping(event: Event): boolean {
  const target = event.composedPath()[0];
  return (
    target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
  );
}
