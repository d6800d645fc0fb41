import { describe, expect, it } from 'vitest';
import { announcementText, counterLabel, speechLang, spokenCounterName, spokenTicketNumber } from './speech.ts';

describe('spokenTicketNumber', () => {
  it('separates the prefix and drops leading zeros', () => {
    expect(spokenTicketNumber('A042')).toBe('A 42');
    expect(spokenTicketNumber('B001')).toBe('B 1');
    expect(spokenTicketNumber('C100')).toBe('C 100');
  });

  it('keeps a lone zero and spells multi-letter prefixes', () => {
    expect(spokenTicketNumber('A000')).toBe('A 0');
    expect(spokenTicketNumber('ab007')).toBe('A B 7');
  });

  it('handles numbers without a prefix or with a separator', () => {
    expect(spokenTicketNumber('042')).toBe('42');
    expect(spokenTicketNumber('A-042')).toBe('A 42');
  });

  it('still drops zeros in shapes it does not recognise', () => {
    expect(spokenTicketNumber('VIP 07 x')).toBe('VIP 7 x');
  });
});

describe('counter names', () => {
  it('reads numbered counters naturally in English', () => {
    expect(spokenCounterName('Counter 03', 'en')).toBe('Counter 3');
    expect(spokenCounterName('Returns desk', 'en')).toBe('Returns desk');
  });

  it('turns "<word> <number>" into the Chinese ordinal form', () => {
    expect(spokenCounterName('Counter 3', 'zh-Hans')).toBe('3 号柜台');
    expect(spokenCounterName('Window 02', 'zh-Hans')).toBe('2 号窗口');
    expect(spokenCounterName('12', 'zh-Hans')).toBe('12 号柜台');
    expect(counterLabel('Counter 3', 'zh-Hans')).toBe('3号柜台');
  });

  it('keeps other names as they are', () => {
    expect(spokenCounterName('Returns desk', 'zh-Hans')).toBe('Returns desk');
    expect(spokenCounterName('Kasse 4', 'zh-Hans')).toBe('Kasse 4');
    expect(counterLabel('Counter 3', 'en')).toBe('Counter 3');
  });
});

describe('announcementText', () => {
  it('fills the per-language template with normalised numbers', () => {
    expect(announcementText('en', 'A042', 'Counter 3')).toBe('Ticket A 42, please go to Counter 3');
    expect(announcementText('zh-Hans', 'A042', 'Counter 3')).toBe('请 A 42 号到 3 号柜台');
  });

  it('maps languages to voice tags', () => {
    expect(speechLang('en')).toBe('en-US');
    expect(speechLang('zh-Hans')).toBe('zh-CN');
  });
});
