import { createTestDatabase } from '@chiso/testing';
import { execute, parse } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { createErrorFormatter } from '../format-error.js';
import { type Viewer, viewerWithGrants } from '../modules/accounts/access.js';
import { createBuilder } from './builder.js';
import { stringRule } from './input-rules.js';

const { db } = await createTestDatabase();

/** A throwaway schema on a builder configured like the real one, with fields guarded by each scope. */
function guardedSchema() {
  const builder = createBuilder();
  builder.queryType({
    fields: (t) => ({
      open: t.string({ authScopes: { public: true }, resolve: () => 'open' }),
      mine: t.string({ authScopes: { loggedIn: true }, resolve: () => 'mine' }),
      analysis: t.string({ authScopes: { role: 'analyst' }, resolve: () => 'analysis' }),
    }),
  });
  return builder.toSchema();
}

async function run(document: string, viewer?: Viewer) {
  return execute({
    schema: guardedSchema(),
    document: parse(document),
    contextValue: createContext({ db, viewer }),
  });
}

describe('scope auth', () => {
  it('lets anyone read public fields', async () => {
    expect((await run('{ open }')).data).toEqual({ open: 'open' });
  });

  it('denies an anonymous viewer with a FORBIDDEN error', async () => {
    const result = await run('{ mine }');
    const error = result.errors?.[0];
    expect(error?.originalError).toBeInstanceOf(ForbiddenError);
    const formatted = createErrorFormatter(pino({ level: 'silent' }))(error!.toJSON(), error);
    expect(formatted).toMatchObject({
      message: 'Bạn không có quyền thực hiện thao tác này.',
      extensions: { code: 'FORBIDDEN', messageEn: 'You are not allowed to do this.' },
    });
  });

  it('checks roles by code', async () => {
    const user = { apiKeyId: null, apiKeyScopes: [] };
    const analyst = viewerWithGrants({ ...user, userId: '1' }, [
      { role: 'analyst', unitId: '1', agencyId: null },
    ]);
    const officer = viewerWithGrants({ ...user, userId: '2' }, [
      { role: 'officer', unitId: null, agencyId: '1' },
    ]);
    expect((await run('{ mine analysis }', analyst)).data).toEqual({ mine: 'mine', analysis: 'analysis' });
    expect((await run('{ analysis }', officer)).errors?.[0]?.originalError).toBeInstanceOf(ForbiddenError);
  });
});

/** A throwaway schema with one validated argument on a field without `errors` and on a mutation with them. */
function validatedSchema() {
  const builder = createBuilder();
  const codeInput = stringRule((code) => /^\d{2}$/.test(code), 'Mã gồm 2 chữ số.', 'A code has 2 digits.');
  builder.objectType(ValidationError, {
    name: 'ValidationError',
    fields: (t) => ({
      code: t.exposeString('code'),
      paths: t.stringList({ resolve: (error) => error.fieldErrors.map((field) => field.path.join('.')) }),
    }),
  });
  builder.queryType({
    fields: (t) => ({
      plain: t.string({
        nullable: true,
        authScopes: { public: true },
        args: { code: t.arg.string({ required: true, validate: codeInput }) },
        resolve: (_root, args) => args.code,
      }),
    }),
  });
  builder.mutationType({
    fields: (t) => ({
      save: t.string({
        authScopes: { public: true },
        errors: {},
        args: { code: t.arg.string({ required: true, validate: codeInput }) },
        resolve: (_root, args) => args.code,
      }),
    }),
  });
  return builder.toSchema();
}

describe('validation failures', () => {
  const schema = validatedSchema();
  const exec = (document: string) =>
    execute({ schema, document: parse(document), contextValue: createContext({ db }) });

  it('reach the client as BAD_USER_INPUT with field errors on a field without `errors`, stack hidden', async () => {
    const result = await exec('{ plain(code: "x") }');
    expect(result.data).toEqual({ plain: null });
    const error = result.errors?.[0];
    expect(error?.originalError).toBeInstanceOf(ValidationError);
    // Even with stack traces allowed (development), a known error carries only its code and texts.
    const format = createErrorFormatter(pino({ level: 'silent' }), { exposeStacktrace: true });
    expect(format(error!.toJSON(), error)).toEqual({
      message: 'Mã gồm 2 chữ số.',
      locations: expect.any(Array),
      path: ['plain'],
      extensions: {
        code: 'BAD_USER_INPUT',
        messageEn: 'A code has 2 digits.',
        fieldErrors: [{ path: ['code'], message: 'Mã gồm 2 chữ số.', messageEn: 'A code has 2 digits.' }],
      },
    });
  });

  it('become a typed ValidationError result on a field with `errors` (mutations)', async () => {
    const result = await exec(
      'mutation { save(code: "x") { __typename ... on ValidationError { code paths } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      save: { __typename: 'ValidationError', code: 'BAD_USER_INPUT', paths: ['code'] },
    });
  });
});
