import { readFile } from 'node:fs/promises';
import { getNamedType, isInputObjectType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import gaps from './description-gaps.json' with { type: 'json' };
import { missingDescriptions } from './descriptions.js';
import { schema } from './index.js';
import { printSortedSchema, schemaFile } from './print.js';

describe('schema', () => {
  it('matches the committed schema.graphql (run `pnpm schema:print` after changing it)', async () => {
    expect(await readFile(schemaFile, 'utf8')).toBe(printSortedSchema());
  });

  it('validates every Date argument, so a bad date is a ValidationError and never reaches SQL', () => {
    const unvalidated: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          if (getNamedType(arg.type).name !== 'Date') continue;
          const extensions = arg.extensions as { '@pothos/plugin-validation'?: { schemas?: unknown[] } };
          const schemas = extensions['@pothos/plugin-validation']?.schemas ?? [];
          if (schemas.length === 0) unvalidated.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      expect(isInputObjectType(type)).toBe(false); // input objects with Date fields would need the same check
    }
    expect(unvalidated).toEqual([]);
  });

  it('describes every type, field, argument and enum value (the recorded gaps may only shrink)', () => {
    const missing = missingDescriptions(schema);
    const known = new Set<string>(gaps);
    // A new type or field without a description: describe it (Vietnamese / English where a person reads it).
    expect(missing.filter((name) => !known.has(name))).toEqual([]);
    // A gap that has been filled: remove it from description-gaps.json.
    expect(gaps.filter((name) => !missing.includes(name))).toEqual([]);
  });
});

/** Mutations anyone may call: sign-in and what citizens send without an account. */
const PUBLIC_MUTATIONS = [
  'login',
  'openSurvey',
  'rateFeedbackHandling',
  'requestDossierSurvey',
  'submitFeedback',
  'submitSurveyResponse',
];

describe('authorization', () => {
  it('guards every other mutation with a signed-in scope, so anonymous callers and API keys never write', () => {
    const unguarded: string[] = [];
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      if (PUBLIC_MUTATIONS.includes(field.name)) continue;
      const options = (field.extensions as { pothosOptions?: { authScopes?: Record<string, unknown> } })
        .pothosOptions;
      const scopes = JSON.stringify(options?.authScopes ?? {});
      if (!/"(loggedIn|role)"/.test(scopes) || /"public"/.test(scopes)) unguarded.push(field.name);
    }
    expect(unguarded).toEqual([]);
  });

  it('lists only mutations that exist as public', () => {
    const names = Object.keys(schema.getMutationType()!.getFields());
    expect(PUBLIC_MUTATIONS.filter((name) => !names.includes(name))).toEqual([]);
  });
});
