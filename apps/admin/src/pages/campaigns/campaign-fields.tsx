import { useLocale } from '@chiso/ui';
import { Fieldset, MultiSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import type { ApiError } from '../../api-errors.js';
import { graphql } from '../../graphql.js';
import { fieldErrorAt, type ScopeValue, SETTING_KEYS, type SettingsValue } from './campaign-form.js';
import { useCampaignT } from './campaign-messages.js';

/** Field errors in a red dark enough to read (WCAG AA), the typed value in the usual text colour. */
export const INVALID_STYLES = {
  input: { color: 'var(--mantine-color-text)' },
  error: { color: 'var(--mantine-color-red-9)' },
};

/** Fieldset legends read as the headings of their group. */
const LEGEND_STYLES = { legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-md)' } };

const UnitAgenciesQuery = graphql(`
  query CampaignUnitAgencies($unit: ID!) {
    agencies(unit: $unit, first: 100) {
      edges { node { id code name } }
    }
  }
`);

/** The field paths the scope fields show errors for (the API's `scope.<field>.<index>`). */
export const SCOPE_ERROR_PATHS = [
  ['scope', 'units'],
  ['scope', 'agencyCodes'],
  ['scope', 'procedureCodes'],
] as const;

/** The field paths the settings fields show errors for (the API's `settings.<field>`). */
export const SETTINGS_ERROR_PATHS = SETTING_KEYS.map((key) => ['settings', key] as const);

/**
 * A campaign's scope, as `CampaignScopeInput` holds it: units (the owning unit or units under it), agencies of
 * the owning unit, procedure codes. Used by the new-campaign form and the edit form.
 */
export function CampaignScopeFields({
  ownerUnitId,
  unitOptions,
  value,
  onChange,
  problem,
}: {
  ownerUnitId: string;
  unitOptions: readonly { id: string; code: string; name: string; nameEn: string }[];
  value: ScopeValue;
  onChange: (value: ScopeValue) => void;
  problem?: ApiError | null;
}) {
  const t = useCampaignT();
  const { locale } = useLocale();
  const [{ data: agencies }] = useQuery({
    query: UnitAgenciesQuery,
    variables: { unit: ownerUnitId },
    pause: !ownerUnitId,
  });
  const agencyOptions = useMemo(() => {
    const options = (agencies?.agencies?.edges ?? []).map(({ node }) => ({
      value: node.code,
      label: `${node.code} — ${node.name}`,
    }));
    // A chosen agency beyond the first page stays visible (and removable).
    const known = new Set(options.map((o) => o.value));
    return [
      ...options,
      ...value.agencyCodes.filter((c) => !known.has(c)).map((c) => ({ value: c, label: c })),
    ];
  }, [agencies, value.agencyCodes]);
  const units = useMemo(() => {
    const seen = new Set<string>();
    return unitOptions.flatMap((u) => {
      if (seen.has(u.id)) return [];
      seen.add(u.id);
      return [{ value: u.id, label: `${u.code} — ${locale === 'vi' ? u.name : u.nameEn}` }];
    });
  }, [unitOptions, locale]);
  const error = (field: string) => fieldErrorAt(problem, ['scope', field], locale);

  return (
    <Fieldset legend={t('form.scopeHeading')} variant="unstyled" styles={LEGEND_STYLES}>
      <Stack gap="sm">
        <MultiSelect
          label={t('form.units')}
          description={t('form.unitsHint')}
          data={units}
          value={value.unitIds}
          onChange={(unitIds) => onChange({ ...value, unitIds })}
          error={error('units')}
          styles={INVALID_STYLES}
          clearable
        />
        <MultiSelect
          label={t('form.agencies')}
          description={t('form.agenciesHint')}
          data={agencyOptions}
          value={value.agencyCodes}
          onChange={(agencyCodes) => onChange({ ...value, agencyCodes })}
          error={error('agencyCodes')}
          styles={INVALID_STYLES}
          searchable
          clearable
        />
        <TextInput
          label={t('form.procedures')}
          description={t('form.proceduresHint')}
          value={value.procedureCodes}
          onChange={(event) => onChange({ ...value, procedureCodes: event.currentTarget.value })}
          error={error('procedureCodes')}
          styles={INVALID_STYLES}
        />
      </Stack>
    </Fieldset>
  );
}

/** Every field of `CampaignSettingsInput`, with its label and help text; empty = default (new) or unchanged (edit). */
export function CampaignSettingsFields({
  value,
  onChange,
  problem,
  editing,
}: {
  value: SettingsValue;
  onChange: (value: SettingsValue) => void;
  problem?: ApiError | null;
  editing: boolean;
}) {
  const t = useCampaignT();
  const { locale } = useLocale();
  return (
    <Fieldset
      legend={t('form.settingsHeading')}
      variant="unstyled"
      styles={LEGEND_STYLES}
      data-testid="campaign-settings"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(editing ? 'form.settingsEdit' : 'form.settingsNew')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {SETTING_KEYS.map((key) => (
            <NumberInput
              key={key}
              label={t(`setting.${key}`)}
              description={t(`setting.${key}.help`)}
              value={value[key]}
              onChange={(next) => onChange({ ...value, [key]: next })}
              error={fieldErrorAt(problem, ['settings', key], locale)}
              styles={INVALID_STYLES}
              min={0}
              max={100_000}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
