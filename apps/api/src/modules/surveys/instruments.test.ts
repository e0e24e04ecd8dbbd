import { createTestDatabase } from '@chiso/testing';
import { describe, expect, it } from 'vitest';
import { nextVersion } from './instruments.service.js';
import { seedSurveyFixture } from './surveys.fixture.js';

const { db } = await createTestDatabase();
const fx = await seedSurveyFixture(db);
const { anonymous, tnAdmin, hnAdmin } = fx.apis;

const INSTRUMENT = /* GraphQL */ `
  query I($code: String!, $version: String) {
    instrument(code: $code, version: $version) {
      __typename
      ... on Error { code message messageEn }
      ... on Instrument {
        code version origin status name nameEn source itemCount
        scale { min max satisfiedFrom levels { value label labelEn } }
        aggregation { id description descriptionEn unit }
        dimensions { code name nameEn items { code ordinal text textEn wordingStatus } }
        basedOn { code version }
      }
    }
  }
`;

const CREATE = /* GraphQL */ `
  mutation C($ownerUnit: ID!, $code: String!, $version: String!, $overrides: InstrumentChangesInput) {
    createCustomInstrument(template: { code: "SIPAS", version: "2017" }, ownerUnit: $ownerUnit, code: $code,
      version: $version, overrides: $overrides) {
      __typename
      ... on MutationCreateCustomInstrumentSuccess { data { code version status itemCount basedOn { code } } }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path message messageEn } }
    }
  }
`;

const REVISE = /* GraphQL */ `
  mutation R($code: String!, $version: String!, $changes: InstrumentChangesInput!) {
    reviseInstrument(code: $code, version: $version, changes: $changes) {
      __typename
      ... on MutationReviseInstrumentSuccess { data { code version status name itemCount basedOn { version } } }
      ... on Error { code }
    }
  }
`;

const PUBLISH = /* GraphQL */ `
  mutation P($code: String!, $version: String!) {
    publishInstrument(code: $code, version: $version) {
      __typename
      ... on MutationPublishInstrumentSuccess { data { status } }
      ... on Error { code }
    }
  }
`;

describe('instruments', () => {
  it('lists the built-in instruments', async () => {
    const { data } = await anonymous.query(`{ instruments { code version origin status } }`);
    expect(data.instruments).toEqual(
      expect.arrayContaining([{ code: 'SIPAS', version: '2017', origin: 'BUILTIN', status: 'PUBLISHED' }]),
    );
  });

  it('exposes the full SIPAS 2017 definition from the scoring package', async () => {
    const { data } = await anonymous.query(INSTRUMENT, { code: 'SIPAS', version: '2017' });
    const sipas = data.instrument;
    expect(sipas).toMatchObject({
      __typename: 'Instrument',
      origin: 'BUILTIN',
      itemCount: 22,
      basedOn: null,
    });
    expect(sipas.source).toContain('2640/QĐ-BNV');
    expect(sipas.scale).toMatchObject({ min: 1, max: 5, satisfiedFrom: 4 });
    expect(sipas.scale.levels[4]).toEqual({ value: 5, label: 'Rất hài lòng', labelEn: 'Very satisfied' });
    expect(sipas.aggregation).toMatchObject({ id: 'sipas-2640', unit: 'PERCENT' });
    expect(sipas.dimensions).toHaveLength(5);
    expect(sipas.dimensions[4].items[2]).toMatchObject({
      code: '5.3',
      ordinal: 20,
      wordingStatus: 'OFFICIAL',
    });
    expect(sipas.dimensions[0].items[0]).toMatchObject({
      code: '1.1',
      ordinal: 0,
      wordingStatus: 'BELIEVED',
    });
  });

  it('answers an unknown instrument with a NotFoundError', async () => {
    const { data } = await anonymous.query(INSTRUMENT, { code: 'SIPAS', version: '1999' });
    expect(data.instrument).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
  });

  it('creates a custom draft from a template, validated with field paths', async () => {
    const bad = await tnAdmin.query(CREATE, {
      ownerUnit: fx.thaiNguyen.globalId,
      code: 'TN-SAT',
      version: '2026',
      overrides: {
        omitItems: ['9.9'],
        aggregation: 'made-up-rule',
        addItems: [{ dimension: 'X', items: [] }],
      },
    });
    expect(bad.data.createCustomInstrument.__typename).toBe('ValidationError');
    expect(bad.data.createCustomInstrument.fieldErrors.map((e: { path: string[] }) => e.path)).toEqual([
      ['overrides', 'omitItems', '0'],
      ['overrides', 'addItems', '0', 'dimension'],
      ['overrides', 'aggregation'],
    ]);
    const builtinCode = await tnAdmin.query(CREATE, {
      ownerUnit: fx.thaiNguyen.globalId,
      code: 'SIPAS',
      version: '9',
    });
    expect(builtinCode.data.createCustomInstrument.fieldErrors[0].path).toEqual(['overrides', 'code']);

    const forbidden = await hnAdmin.query(CREATE, {
      ownerUnit: fx.thaiNguyen.globalId,
      code: 'TN-SAT',
      version: '2026',
    });
    expect(forbidden.data.createCustomInstrument.__typename).toBe('ForbiddenError');

    const created = await tnAdmin.query(CREATE, {
      ownerUnit: fx.thaiNguyen.globalId,
      code: 'TN-SAT',
      version: '2026',
      overrides: {
        omitItems: ['1.3'],
        addItems: [
          {
            dimension: '5',
            items: [{ code: '5.5', text: { vi: 'Có kênh Zalo', en: 'A Zalo channel exists' } }],
          },
        ],
      },
    });
    expect(created.data.createCustomInstrument.data).toEqual({
      code: 'TN-SAT',
      version: '2026',
      status: 'DRAFT',
      itemCount: 22,
      basedOn: { code: 'SIPAS' },
    });
    // Drafts are visible to the owning unit's admins only.
    expect(
      (await anonymous.query(INSTRUMENT, { code: 'TN-SAT', version: '2026' })).data.instrument.__typename,
    ).toBe('NotFoundError');
    const items = await db
      .selectFrom('instrumentItem')
      .innerJoin('instrument', 'instrument.id', 'instrumentItem.instrumentId')
      .select(['instrumentItem.code', 'instrumentItem.ordinal'])
      .where('instrument.code', '=', 'TN-SAT')
      .orderBy('ordinal')
      .execute();
    expect(items.at(-1)).toEqual({ code: '5.5', ordinal: 21 });
  });

  it('edits a draft in place, publishes it, and turns edits of a published version into a new version', async () => {
    const draft = await tnAdmin.query(REVISE, {
      code: 'TN-SAT',
      version: '2026',
      changes: { name: { vi: 'Khảo sát Thái Nguyên', en: 'Thái Nguyên survey' } },
    });
    expect(draft.data.reviseInstrument.data).toMatchObject({
      version: '2026',
      status: 'DRAFT',
      name: 'Khảo sát Thái Nguyên',
    });
    expect(
      (await hnAdmin.query(PUBLISH, { code: 'TN-SAT', version: '2026' })).data.publishInstrument.__typename,
    ).toBe('NotFoundError');
    expect(
      (await tnAdmin.query(PUBLISH, { code: 'TN-SAT', version: '2026' })).data.publishInstrument.data,
    ).toEqual({
      status: 'PUBLISHED',
    });
    const again = await tnAdmin.query(PUBLISH, { code: 'TN-SAT', version: '2026' });
    expect(again.data.publishInstrument.code).toBe('CONFLICT');

    const revised = await tnAdmin.query(REVISE, {
      code: 'TN-SAT',
      version: '2026',
      changes: { omitItems: ['5.5'] },
    });
    expect(revised.data.reviseInstrument.data).toEqual({
      code: 'TN-SAT',
      version: '2026.1',
      status: 'DRAFT',
      name: 'Khảo sát Thái Nguyên',
      itemCount: 21,
      basedOn: { version: '2026' },
    });
    const published = await anonymous.query(INSTRUMENT, { code: 'TN-SAT' });
    expect(published.data.instrument).toMatchObject({ version: '2026', itemCount: 22, status: 'PUBLISHED' });

    const builtin = await tnAdmin.query(REVISE, {
      code: 'SIPAS',
      version: '2017',
      changes: { omitItems: ['1.1'] },
    });
    expect(builtin.data.reviseInstrument.code).toBe('CONFLICT');
  });

  it('numbers new versions after the taken ones', () => {
    expect(nextVersion('2026', new Set(['2026']))).toBe('2026.1');
    expect(nextVersion('2026.1', new Set(['2026.2']))).toBe('2026.3');
  });
});
