import type { ApiError } from '../../api-errors.js';

/** Every field of `CampaignSettingsInput`, in the order the forms show them. */
export const SETTING_KEYS = [
  'tokenValidDays',
  'minSecondsPerItem',
  'straightLiningMinItems',
  'burstWindowMinutes',
  'burstThreshold',
  'rateLimitPerWindow',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** What a settings form holds: a number, or '' for "not set" (keep the current value, or the default). */
export type SettingsValue = Record<SettingKey, number | string>;

/** What a scope form holds: unit global IDs, agency codes, procedure codes as typed (comma separated). */
export interface ScopeValue {
  unitIds: string[];
  agencyCodes: string[];
  procedureCodes: string;
}

export const EMPTY_SETTINGS: SettingsValue = Object.fromEntries(
  SETTING_KEYS.map((k) => [k, '']),
) as SettingsValue;

/** The settings a form holds, from a campaign's current settings. */
export function settingsValue(settings: Partial<Record<SettingKey, number>>): SettingsValue {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, settings[k] ?? ''])) as SettingsValue;
}

/** The procedure codes typed in a comma-separated field. */
export function procedureCodesOf(text: string): string[] {
  return text
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
}

/**
 * `CampaignSettingsInput` from a form: only the fields set (a number as typed, even out of range, so the API's
 * check speaks) and, when `initial` is given, only those that differ from it.
 */
export function settingsInput(
  value: SettingsValue,
  initial?: SettingsValue,
): Partial<Record<SettingKey, number>> | null {
  const entries = SETTING_KEYS.flatMap((key) => {
    const raw = value[key];
    if (raw === '' || raw === null || raw === undefined) return [];
    const number = typeof raw === 'number' ? raw : Number(raw);
    if (!Number.isFinite(number)) return [];
    if (initial && initial[key] !== '' && Number(initial[key]) === number) return [];
    return [[key, number] as const];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

/** `CampaignScopeInput` from a form (empty lists are left out: the whole owning unit). */
export function scopeInput(value: ScopeValue) {
  const procedureCodes = procedureCodesOf(value.procedureCodes);
  return {
    units: value.unitIds.length > 0 ? value.unitIds : null,
    agencyCodes: value.agencyCodes.length > 0 ? value.agencyCodes : null,
    procedureCodes: procedureCodes.length > 0 ? procedureCodes : null,
  };
}

/** True when two scopes name the same units, agencies and procedures (order aside). */
export function sameScope(a: ScopeValue, b: ScopeValue): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && [...x].sort().join('\n') === [...y].sort().join('\n');
  return (
    same(a.unitIds, b.unitIds) &&
    same(a.agencyCodes, b.agencyCodes) &&
    same(procedureCodesOf(a.procedureCodes), procedureCodesOf(b.procedureCodes))
  );
}

/** The messages of the field errors whose path starts with `prefix`, in the reader's language, or undefined. */
export function fieldErrorAt(
  problem: ApiError | null | undefined,
  prefix: readonly string[],
  locale: 'vi' | 'en',
): string | undefined {
  const messages = (problem?.fieldErrors ?? [])
    .filter((error) => prefix.every((part, i) => error.path[i] === part))
    .map((error) => (locale === 'vi' ? error.message : error.messageEn));
  return messages.length > 0 ? messages.join(' ') : undefined;
}

/** True when every field error of the problem has a field of the form beside it (so no general alert is needed). */
export function allFieldErrorsShown(
  problem: ApiError | null | undefined,
  shown: readonly (readonly string[])[],
): boolean {
  const errors = problem?.fieldErrors ?? [];
  return (
    errors.length > 0 &&
    errors.every((error) => shown.some((prefix) => prefix.every((part, i) => error.path[i] === part)))
  );
}
