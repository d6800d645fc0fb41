import type { Language } from './domain.ts';

/**
 * Pure text shaping for spoken announcements: speech engines read "A042" as "A zero four two"
 * and "Counter 03" as "Counter zero three", so numbers are normalised before speaking.
 */

/** Generic counter words and their Chinese equivalents, for names such as "Counter 3" or "Window 2". */
const COUNTER_WORDS: Record<string, string> = {
  counter: '柜台',
  desk: '服务台',
  window: '窗口',
  booth: '服务台',
  station: '服务台',
};

/** Drops leading zeros from every run of digits: "A042" → "A42", "007" → "7", "0" stays "0". */
function stripLeadingZeros(text: string): string {
  return text.replace(/\d+/g, (digits) => String(Number.parseInt(digits, 10)));
}

/**
 * A ticket number as a speech engine should read it: prefix letters apart from the number,
 * leading zeros dropped.
 *
 * @example
 * spokenTicketNumber('A042') // 'A 42'
 * spokenTicketNumber('AB007') // 'A B 7'
 */
export function spokenTicketNumber(number: string): string {
  const match = /^\s*([A-Za-z]*)[\s-]*(\d+)\s*$/.exec(number);
  if (!match) return stripLeadingZeros(number.trim());
  const letters = match[1]!.toUpperCase().split('').join(' ');
  const digits = stripLeadingZeros(match[2]!);
  return letters ? `${letters} ${digits}` : digits;
}

/**
 * A counter's name as shown on a screen in `language`. Chinese turns "Counter 3" into "3号柜台";
 * names that are not "<word> <number>" are kept as they are.
 *
 * @example
 * counterLabel('Counter 3', 'zh-Hans') // '3号柜台'
 */
export function counterLabel(name: string, language: Language): string {
  return language === 'zh-Hans' ? chineseCounterName(name, '') : name;
}

/**
 * A counter's name as a speech engine should read it in `language`.
 *
 * @example
 * spokenCounterName('Counter 03', 'en') // 'Counter 3'
 * spokenCounterName('Counter 3', 'zh-Hans') // '3 号柜台'
 */
export function spokenCounterName(name: string, language: Language): string {
  return language === 'zh-Hans' ? chineseCounterName(name, ' ') : stripLeadingZeros(name.trim());
}

function chineseCounterName(name: string, gap: string): string {
  const trimmed = name.trim();
  const numbered = /^(?:([A-Za-z]+)\s*)?(\d+)$/.exec(trimmed);
  if (numbered) {
    const word = numbered[1] ? COUNTER_WORDS[numbered[1].toLowerCase()] : '柜台';
    if (word) return `${stripLeadingZeros(numbered[2]!)}${gap}号${word}`;
  }
  return stripLeadingZeros(trimmed);
}

const TEMPLATES: Record<Language, (ticket: string, counter: string) => string> = {
  en: (ticket, counter) => `Ticket ${ticket}, please go to ${counter}`,
  'zh-Hans': (ticket, counter) => `请 ${ticket} 号到 ${counter}`,
};

/**
 * The sentence announcing a call in one language.
 *
 * @example
 * announcementText('en', 'A042', 'Counter 3') // 'Ticket A 42, please go to Counter 3'
 * announcementText('zh-Hans', 'A042', 'Counter 3') // '请 A 42 号到 3 号柜台'
 */
export function announcementText(language: Language, ticketNumber: string, counterName: string): string {
  return TEMPLATES[language](spokenTicketNumber(ticketNumber), spokenCounterName(counterName, language));
}

/** The BCP 47 tag to give `SpeechSynthesisUtterance.lang` (voices are installed as zh-CN, not zh-Hans). */
export function speechLang(language: Language): string {
  return language === 'zh-Hans' ? 'zh-CN' : 'en-US';
}
