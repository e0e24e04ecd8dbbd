/**
 * GraphQL over HTTP from the test process, with the session cookie of `login` kept between calls: tests use it
 * to prepare what a citizen receives (a survey token, for instance) the way an officer would.
 */
export class ApiClient {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  async query<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) this.cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body)}`);
    return body.data;
  }

  async login(email: string, password: string): Promise<void> {
    const data = await this.query<{ login: { __typename: string } }>(
      'mutation L($input: LoginInput!) { login(input: $input) { __typename } }',
      { input: { email, password } },
    );
    if (data.login.__typename !== 'MutationLoginSuccess') throw new Error(`login: ${data.login.__typename}`);
  }
}

/** Demo accounts share this password (README, "Demo data"). */
export const DEMO_PASSWORD = 'ChiSo@demo2019';

/** A SIPAS 2017 campaign of Bắc Kạn (the demo province, code 06), as `createCampaign` takes it. */
export interface DemoCampaign {
  code: string;
  name: string;
  nameEn: string;
  mode: 'SAMPLE' | 'OPEN' | 'AFTER_DOSSIER';
  startsOn: string;
  endsOn: string;
  agencyCodes: string[];
}

/** Creates a campaign of Bắc Kạn the way its unit admin does (demo account `tinh@…`); throws when refused. */
export async function createDemoCampaign(baseUrl: string, campaign: DemoCampaign): Promise<void> {
  const api = new ApiClient(baseUrl);
  await api.login('tinh@demo.chiso.vn', DEMO_PASSWORD);
  const { units } = await api.query<{ units: { id: string; code: string }[] }>(
    'query { units(level: PROVINCE, asOf: "2019-12-31") { id code } }',
  );
  const { agencyCodes, ...rest } = campaign;
  const created = await api.query<{ createCampaign: { __typename: string } }>(
    'mutation C($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename } }',
    {
      input: {
        ...rest,
        ownerUnit: units.find((u) => u.code === '06')?.id,
        instrument: { code: 'SIPAS', version: '2017' },
        scope: { agencyCodes },
      },
    },
  );
  if (created.createCampaign.__typename !== 'MutationCreateCampaignSuccess') {
    throw new Error(`createCampaign: ${created.createCampaign.__typename}`);
  }
}
