import { createTestDatabase } from '@chiso/testing';
import { execute, parse } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createContext, type Viewer } from '../context.js';
import { ForbiddenError } from '../errors.js';
import { createErrorFormatter } from '../format-error.js';
import { createBuilder } from './builder.js';

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
    const analyst: Viewer = { userId: '1', roles: ['analyst'] };
    const officer: Viewer = { userId: '2', roles: ['officer'] };
    expect((await run('{ mine analysis }', analyst)).data).toEqual({ mine: 'mine', analysis: 'analysis' });
    expect((await run('{ analysis }', officer)).errors?.[0]?.originalError).toBeInstanceOf(ForbiddenError);
  });
});
