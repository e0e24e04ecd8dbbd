import { z } from 'zod';

/** 'true'/'false'/'1'/'0'/'yes'/'no' (any case) → boolean; anything else is a configuration error. */
const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

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
  /** Load the demo data set into an empty database at start-up. */
  CHISO_DEMO_SEED: booleanFlag.default(true),
  /** Largest accepted request body, in bytes. */
  CHISO_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** How long `/readyz` waits for the database before answering 503. */
  CHISO_READINESS_TIMEOUT_MS: z.coerce.number().int().positive().default(2_000),
  /** Time allowed for in-flight requests to finish on SIGTERM before the process exits anyway. */
  CHISO_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

export type Env = Omit<z.infer<typeof envSchema>, 'LOG_LEVEL'> & {
  LOG_LEVEL: NonNullable<z.infer<typeof envSchema>['LOG_LEVEL']>;
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
  const defaultLevel = env.NODE_ENV === 'test' ? 'silent' : env.NODE_ENV === 'production' ? 'info' : 'debug';
  return { ...env, LOG_LEVEL: env.LOG_LEVEL ?? defaultLevel };
}
