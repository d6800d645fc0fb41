import type { Language } from './domain.ts';

/**
 * A tiny typed message catalogue: English is the source, every other language must have every
 * key (the compiler enforces it). `{name}` placeholders are filled from `params`.
 *
 * @example
 * const t = translator({ en: { hi: 'Hello {name}' }, 'zh-Hans': { hi: '你好，{name}' } });
 * t('zh-Hans', 'hi', { name: '王' }) // '你好，王'
 */
export function translator<K extends string>(catalogs: Record<Language, Record<K, string>>) {
  return (language: Language, key: K, params: Record<string, string | number> = {}): string => {
    const template = catalogs[language]?.[key] ?? catalogs.en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  };
}

/**
 * Store content in `language`: its per-language text when there is one, else the one text.
 * @example textIn('zh-Hans', 'Spring sale', { en: 'Spring sale', 'zh-Hans': '春季促销' }) // '春季促销'
 */
export function textIn(
  language: Language,
  text: string,
  byLanguage: Partial<Record<Language, string>> | null | undefined,
): string {
  return byLanguage?.[language] ?? text;
}

/** The best supported language for a browser's preferences, e.g. `['zh-CN', 'en']` → `'zh-Hans'`. */
export function pickLanguage(preferred: readonly string[], supported: readonly Language[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh') && supported.includes('zh-Hans')) return 'zh-Hans';
    if (lower.startsWith('en') && supported.includes('en')) return 'en';
  }
  return supported[0] ?? 'en';
}
