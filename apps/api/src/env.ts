import { z } from 'zod';

/** 'true'/'false'/'1'/'0'/'yes'/'no' (any case) → boolean; anything else is a configuration error. */
const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Base64 of exactly 32 random bytes (an AES-256 key). */
const dataKey = z
  .string()
  .trim()
  .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 32, {
    message: 'expected the base64 of 32 random bytes (e.g. `openssl rand -base64 32`)',
  });

const keyId = z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/);

/**
 * Key for personal data outside production only: it is public (written here), so anything sealed with it is
 * readable by anyone. Production refuses to start without `CHISO_DATA_KEY`.
 */
const DEVELOPMENT_DATA_KEY = { id: 'dev', key: 'Y2hpc28tZGV2ZWxvcG1lbnQta2V5LW5vdC1zZWNyZXQ=' } as const;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** postgres://… of an existing server; when unset, an embedded PostgreSQL is started under `.data/`. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Database created on the embedded server. */
  CHISO_DATABASE_NAME: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .default('chiso'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Folder of the built portal (default: apps/portal/dist beside the API), served at `/` when it exists. */
  CHISO_PORTAL_DIR: z.string().min(1).optional(),
  /** Folder of the built admin app (default: apps/admin/dist beside the API), served at `/admin/`. */
  CHISO_ADMIN_DIR: z.string().min(1).optional(),
  /**
   * Load the demo data set into an empty database at start-up. Default: on, except in production, where an empty
   * database must not fill up with invented figures.
   */
  CHISO_DEMO_SEED: booleanFlag.optional(),
  /** Largest accepted request body, in bytes. */
  CHISO_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** How long `/readyz` waits for the database before answering 503. */
  CHISO_READINESS_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  /**
   * The first system administrator, created at start-up when no system administrator exists (nothing happens
   * when one does). Set both or neither; the password must meet the password policy.
   */
  CHISO_ADMIN_EMAIL: z.email().optional(),
  CHISO_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Time allowed for in-flight requests to finish on SIGTERM before the process exits anyway. */
  CHISO_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * AES-256-GCM key sealing personal data (feedback contacts, …), base64 of 32 bytes. Required in production;
   * elsewhere a public development key is used.
   */
  CHISO_DATA_KEY: dataKey.optional(),
  /** Id stored beside each ciphertext, naming the key that sealed it (change it with the key). */
  CHISO_DATA_KEY_ID: keyId.optional(),
  /** Earlier keys still needed to open old rows while they are re-sealed: `id:base64,id:base64`. */
  CHISO_DATA_KEYS_RETIRED: z
    .string()
    .trim()
    .transform((value, ctx) =>
      value.split(',').flatMap((pair) => {
        const [id = '', key = ''] = pair.split(':').map((part) => part.trim());
        if (!keyId.safeParse(id).success || !dataKey.safeParse(key).success) {
          ctx.addIssue({ code: 'custom', message: 'expected id:base64 pairs separated by commas' });
          return [];
        }
        return [{ id, key }];
      }),
    )
    .optional(),
  /**
   * Minutes between runs of the retention job inside the API (deletes personal data past the rules of the
   * `retention_rule` table; `pnpm db:retention` runs it once). 0 turns the in-process schedule off.
   */
  CHISO_RETENTION_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  /** Feedback submissions accepted per source address and hour (then RATE_LIMITED until the hour turns). */
  CHISO_FEEDBACK_SUBMISSIONS_PER_HOUR: z.coerce.number().int().positive().default(20),
  /**
   * Key of the HMACs that stand in for identities in survey data (dossier pseudonyms, traffic-source counters).
   * Required in production; the development default is public and must never protect real data.
   */
  CHISO_PSEUDONYM_SECRET: z.string().min(32).optional(),
  /**
   * Requests per minute to `/graphql` and `/exports/…` (then HTTP 429 with `Retry-After`): per source address
   * for anonymous traffic, per API key, per signed-in person. Counted in this process only (see rate-limit.ts).
   */
  CHISO_RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().positive().default(300),
  CHISO_RATE_LIMIT_API_KEY_PER_MINUTE: z.coerce.number().int().positive().default(600),
  CHISO_RATE_LIMIT_STAFF_PER_MINUTE: z.coerce.number().int().positive().default(3_000),
  /**
   * Rows each busy rollup cell and margin is spread over, so concurrent submissions on different connections do
   * not queue on one row (1 = one row per key; at most 64). Readers sum them whatever the number.
   */
  CHISO_ROLLUP_SLOTS: z.coerce.number().int().min(1).max(64).default(8),
  /**
   * `allowlist`: anonymous requests may only run documents listed in `CHISO_PERSISTED_QUERIES_FILE` (the
   * manifest `pnpm persisted:generate` writes from the portal and admin apps); API keys and staff sessions may
   * still send any document. `off` (default): every document runs, subject to the depth and cost limits.
   */
  CHISO_PERSISTED_QUERIES: z.enum(['off', 'allowlist']).default('off'),
  /** Path of the persisted-query manifest (JSON); required with `CHISO_PERSISTED_QUERIES=allowlist`. */
  CHISO_PERSISTED_QUERIES_FILE: z.string().min(1).optional(),
});

/** Used outside production only: anyone can read it here, so nothing it protects is private. */
export const DEVELOPMENT_PSEUDONYM_SECRET = 'chiso-development-pseudonym-secret-not-for-production';

type ParsedEnv = z.infer<typeof envSchema>;

export type Env = Omit<
  ParsedEnv,
  | 'LOG_LEVEL'
  | 'CHISO_DATA_KEY'
  | 'CHISO_DATA_KEY_ID'
  | 'CHISO_DATA_KEYS_RETIRED'
  | 'CHISO_PSEUDONYM_SECRET'
  | 'CHISO_DEMO_SEED'
> & {
  LOG_LEVEL: NonNullable<ParsedEnv['LOG_LEVEL']>;
  CHISO_DEMO_SEED: boolean;
  CHISO_DATA_KEY: string;
  CHISO_DATA_KEY_ID: string;
  CHISO_DATA_KEYS_RETIRED: { id: string; key: string }[];
  CHISO_PSEUDONYM_SECRET: string;
};

/**
 * The API's configuration, validated. The only place that reads `process.env`; everything else receives an
 * `Env`. Empty strings count as unset, so `PORT=` in a `.env` file falls back to the default.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.CHISO_DATA_KEY) {
    problems.push('CHISO_DATA_KEY: required in production (base64 of 32 random bytes)');
  }
  if (env.NODE_ENV === 'production' && !env.CHISO_PSEUDONYM_SECRET) {
    problems.push('CHISO_PSEUDONYM_SECRET: required in production (32 characters or more)');
  }
  if (env.CHISO_PERSISTED_QUERIES === 'allowlist' && !env.CHISO_PERSISTED_QUERIES_FILE) {
    problems.push('CHISO_PERSISTED_QUERIES_FILE: required with CHISO_PERSISTED_QUERIES=allowlist');
  }
  if ((env.CHISO_ADMIN_EMAIL === undefined) !== (env.CHISO_ADMIN_PASSWORD === undefined)) {
    problems.push('CHISO_ADMIN_EMAIL and CHISO_ADMIN_PASSWORD must be set together');
  }
  if (problems.length > 0) throw new Error(`Invalid environment configuration:\n  ${problems.join('\n  ')}`);
  const defaultLevel = env.NODE_ENV === 'test' ? 'silent' : env.NODE_ENV === 'production' ? 'info' : 'debug';
  return {
    ...env,
    LOG_LEVEL: env.LOG_LEVEL ?? defaultLevel,
    CHISO_DEMO_SEED: env.CHISO_DEMO_SEED ?? env.NODE_ENV !== 'production',
    CHISO_DATA_KEY: env.CHISO_DATA_KEY ?? DEVELOPMENT_DATA_KEY.key,
    CHISO_DATA_KEY_ID: env.CHISO_DATA_KEY_ID ?? (env.CHISO_DATA_KEY ? 'k1' : DEVELOPMENT_DATA_KEY.id),
    CHISO_DATA_KEYS_RETIRED: env.CHISO_DATA_KEYS_RETIRED ?? [],
    CHISO_PSEUDONYM_SECRET: env.CHISO_PSEUDONYM_SECRET ?? DEVELOPMENT_PSEUDONYM_SECRET,
  };
}
