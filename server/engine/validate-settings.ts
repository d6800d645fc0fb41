import { LANGUAGES } from '../../shared/domain.ts';
import type { Command } from './commands.ts';
import { isValidTimeZone } from './local-day.ts';
import type { Service, StoreState } from './state.ts';

/** What is wrong with a setting, for a person to read; null when nothing is. */
export type Problem = string | null;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const WEEKDAYS = new Set(['1', '2', '3', '4', '5', '6', '7']);

/**
 * Checks store settings an admin submits.
 * @example settingsProblem({ ...settings, priorityRatio: 11 }) // 'The priority ratio must be a whole number from 0 to 10.'
 */
export function settingsProblem(settings: Extract<Command, { type: 'update_settings' }>['settings']): Problem {
  if (settings.name.trim() === '') return 'The store needs a name.';
  if (!isValidTimeZone(settings.timeZone)) return `"${settings.timeZone}" is not a known IANA time zone.`;
  const languages = new Set<string>(settings.languages);
  if (languages.size === 0 || languages.size !== settings.languages.length) {
    return 'Languages must be a non-empty list without repeats.';
  }
  if (![...languages].every((l) => (LANGUAGES as readonly string[]).includes(l))) {
    return `Languages must be among ${LANGUAGES.join(', ')}.`;
  }
  if (!(Number.isFinite(settings.serviceLevelTargetSec) && settings.serviceLevelTargetSec > 0)) {
    return 'The service-level target must be a positive number of seconds.';
  }
  if (!(settings.serviceLevelGoal >= 0 && settings.serviceLevelGoal <= 1)) {
    return 'The service-level goal must be between 0 and 1.';
  }
  if (!isWholeIn(settings.priorityRatio, 0, 10)) return 'The priority ratio must be a whole number from 0 to 10.';
  const auto = settings.autoNoShow;
  if (auto && !(Number.isFinite(auto.graceSec) && auto.graceSec >= 0 && isWholeIn(auto.maxRecalls, 0, 100))) {
    return 'Automatic no-show needs a grace time of 0 seconds or more and a whole number of recalls.';
  }
  return publicUrlProblem(settings.publicUrl) ?? openingHoursProblem(settings.openingHours);
}

/** A phone must be able to open it: an absolute http(s) address, nothing after the path. */
function publicUrlProblem(value: string | null | undefined): Problem {
  if (value === null || value === undefined) return null;
  const problem = `The public address must be a full http(s) address such as https://queue.shop.example, not "${value}".`;
  if (!URL.canParse(value)) return problem;
  const url = new URL(value);
  const plain = url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  return (url.protocol === 'https:' || url.protocol === 'http:') && plain ? null : problem;
}

function openingHoursProblem(hours: StoreState['settings']['openingHours']): Problem {
  for (const [weekday, span] of Object.entries(hours)) {
    if (!WEEKDAYS.has(weekday)) return `Opening hours use weekdays 1 (Monday) to 7 (Sunday), not ${weekday}.`;
    if (!span) continue;
    if (!HH_MM.test(span.open) || !HH_MM.test(span.close) || span.open >= span.close) {
      return `Opening hours for weekday ${weekday} must be "HH:MM" with opening before closing.`;
    }
  }
  return null;
}

/**
 * Checks a service an admin submits, against the store's other services.
 * @example serviceProblem(state, { ...service, code: 'a' }) // 'A service code is 1 to 3 capital letters (A–Z).'
 */
export function serviceProblem(state: StoreState, service: Service): Problem {
  if (service.id.trim() === '') return 'A service needs an id.';
  if (!/^[A-Z]{1,3}$/.test(service.code)) return 'A service code is 1 to 3 capital letters (A–Z).';
  const clash = Object.values(state.services).find((s) => s.id !== service.id && s.code === service.code);
  if (clash) return `Code ${service.code} is already used by ${clash.name.en}.`;
  if (!service.name?.en || service.name.en.trim() === '') return 'A service needs an English name.';
  if (!Number.isFinite(service.sortOrder)) return 'The sort order must be a number.';
  return null;
}

function isWholeIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
