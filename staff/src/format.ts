import type { Language, LocalizedText, ServiceDto } from '../../shared/domain.ts';

/** "4:05" for 245 s, "1:02:03" past an hour; "–" for nothing. */
export function clock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** 0.8123 → "81%". */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '–' : `${Math.round(share * 100)}%`;
}

/** A number with at most `digits` decimals, or "–". */
export function num(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return String(Math.round(value * 10 ** digits) / 10 ** digits);
}

export function localized(text: LocalizedText | undefined, language: Language): string {
  return text?.[language] ?? text?.en ?? '';
}

/** "A Pickup": a service's code and name in `language`; its id when the store has no such service. */
export function serviceLabel(services: readonly ServiceDto[] | undefined, id: string, language: Language): string {
  const service = services?.find((s) => s.id === id);
  return service ? `${service.code} ${localized(service.name, language)}` : id;
}
