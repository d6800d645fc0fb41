/** Length of the chime; speech starts once it has rung out. */
export const CHIME_MS = 1_300;

/**
 * Plays a two-note "ding-dong" on `context` and resolves when it has finished. Timed with a
 * timer rather than `onended`, which never fires when a headless machine has no audio device.
 */
export function playChime(context: AudioContext): Promise<void> {
  const start = context.currentTime + 0.05;
  const notes: Array<[frequency: number, offset: number]> = [
    [659.25, 0],
    [523.25, 0.45],
  ];
  for (const [frequency, offset] of notes) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.35, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.8);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.85);
  }
  return new Promise((resolve) => setTimeout(resolve, CHIME_MS));
}
