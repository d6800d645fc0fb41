import type { Language } from '../../shared/domain.ts';
import { LANGUAGES } from '../../shared/domain.ts';
import { pickLanguage } from '../../shared/i18n.ts';

/** The device's language: `?lang=` first, then the browser's preferences. */
export function deviceLanguage(supported: readonly Language[] = LANGUAGES): Language {
  const asked = new URLSearchParams(location.search).get('lang');
  const preferred = asked ? [asked, ...navigator.languages] : navigator.languages;
  return pickLanguage(preferred, supported.length ? supported : LANGUAGES);
}

/** The language after `current` in `supported`, wrapping round; what the language button switches to. */
export function nextLanguage(current: Language, supported: readonly Language[]): Language {
  const list = supported.length > 1 ? supported : LANGUAGES;
  return list[(list.indexOf(current) + 1) % list.length] ?? 'en';
}

/** Tells the browser, assistive tech and fonts which language the page is in now. */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}

/** A service's name in `language`, falling back to English. */
export function localized(text: Partial<Record<Language, string>> & { en: string }, language: Language): string {
  return text[language] ?? text.en;
}

/** Tells the server the customer's choice, so its own pages (an expired ticket link) answer in it. */
export function rememberLanguage(language: Language): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from many phone browsers
  document.cookie = `linecast_lang=${language}; path=/; max-age=31536000; SameSite=Lax`;
}
