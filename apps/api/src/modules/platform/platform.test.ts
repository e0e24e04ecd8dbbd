import { createTestDatabase } from '@chiso/testing';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../test/graphql.js';

describe('platform', () => {
  it('says when the database holds demo data', async () => {
    const { db } = await createTestDatabase({ demo: true });
    const api = await createTestApi(db);
    const result = await api.query('{ platform { demoData } }');
    expect(result.data).toEqual({ platform: { demoData: true } });
  });

  it('says so too when it does not', async () => {
    const { db } = await createTestDatabase();
    const api = await createTestApi(db);
    const result = await api.query('{ platform { demoData } }');
    expect(result.data).toEqual({ platform: { demoData: false } });
  });
});
