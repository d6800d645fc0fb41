import type { Translate } from '../i18n/staff-messages.ts';

const FIELDS = new Set([
  'name',
  'slug',
  'message',
  'username',
  'role',
  'storeIds',
  'active',
  'code',
  'kind',
  'text',
  'url',
  'timeZone',
  'languages',
  'allowPhoneJoin',
  'publicUrl',
  'priorityRatio',
  'serviceIds',
  'reason',
  'expiresAt',
  'events',
  'file',
  'password',
  'sortOrder',
  'durationSec',
  'ticketId',
  'counterId',
  'serviceLevelTargetSec',
  'serviceLevelGoal',
  'openingHours',
  'autoNoShow',
]);
type Field = 'name';

/**
 * An audit entry's details as a person reads them: "name: North · time zone: Asia/Shanghai".
 * Ids are left out (the row says what changed), a password only says it changed, and text
 * given per language shows in the reader's language.
 *
 * @example auditDetails({ id: 'x', name: 'North', active: false }, t) // 'name: North · active: no'
 */
export function auditDetails(details: unknown, t: Translate, language: 'en' | 'zh-Hans'): string {
  if (details === null || typeof details !== 'object') return details === undefined ? '' : String(details);
  return Object.entries(details as Record<string, unknown>)
    .filter(([key]) => key !== 'id' && key !== 'bytes' && key !== 'type')
    .map(([key, value]) => {
      const label = FIELDS.has(key) ? t(`field.${key as Field}`) : key;
      return `${label}: ${key === 'password' ? '••••' : show(value, t, language)}`;
    })
    .join(' · ');
}

function show(value: unknown, t: Translate, language: 'en' | 'zh-Hans'): string {
  if (typeof value === 'boolean') return value ? t('admin.yes') : t('admin.no');
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value)) return value.map((v) => show(v, t, language)).join(', ');
  if (typeof value === 'object') {
    const text = value as Record<string, unknown>;
    if (typeof text.en === 'string') return String(text[language] ?? text.en);
    return Object.entries(text)
      .map(([k, v]) => `${k} ${show(v, t, language)}`)
      .join(', ');
  }
  return String(value);
}
