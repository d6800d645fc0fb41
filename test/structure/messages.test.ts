import { describe, expect, it } from 'vitest';
import { kioskMessages } from '../../kiosk/src/i18n/kiosk-messages.ts';
import { phoneMessages } from '../../kiosk/src/i18n/phone-messages.ts';
import { signageMessages } from '../../signage/src/signage-messages.ts';
import { staffMessages } from '../../staff/src/i18n/staff-messages.ts';

/**
 * Every message table of the apps, both languages. The compiler checks that each language has
 * every key; this checks what it cannot: no key left in English (a copy of the English text),
 * none empty, and the same `{placeholders}` in both.
 */
const TABLES: Record<string, { en: Record<string, string>; 'zh-Hans': Record<string, string> }> = {
  kiosk: kioskMessages,
  phone: phoneMessages,
  signage: signageMessages,
  staff: staffMessages,
};

/** Texts that are the same in both languages on purpose: names, codes, units written in Latin letters. */
const SAME_IN_BOTH = /^(\{[a-z]+\}|[A-Z]{2,5}|Linecast|Webhook|CSV|Id|Linecast · .*)$/;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(TABLES))('the %s messages', (_name, table) => {
  it('are all translated into Simplified Chinese, with the same placeholders', () => {
    const untranslated = Object.entries(table.en)
      .filter(([key, en]) => table['zh-Hans'][key] === en && !SAME_IN_BOTH.test(en))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
    const empty = Object.entries(table['zh-Hans'])
      .filter(([, zh]) => zh.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
    const mismatched = Object.entries(table.en)
      .filter(([key, en]) => placeholders(en).join() !== placeholders(table['zh-Hans'][key] ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('have no key in one language that the other lacks', () => {
    expect(Object.keys(table['zh-Hans']).sort()).toEqual(Object.keys(table.en).sort());
  });
});
