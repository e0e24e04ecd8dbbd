import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@chiso/testing';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';
import { schema } from './schema/index.js';
import { buildServer } from './server.js';
import { viewerFor } from './test/viewers.js';

/**
 * Bad input, generated from the schema and from the transport: documents and variables valid and invalid, wrong
 * types, huge strings, deep nesting, many aliases, batches, invalid UTF-8, wrong content types, oversize bodies,
 * random bytes, GET and POST. Every answer must be a well-formed GraphQL answer or error with a stable code:
 * never a 5xx, never an INTERNAL_SERVER_ERROR, never a stack, a file path or a database message.
 *
 * CI runs a fixed seed; `CHISO_FUZZ_RUNS=100000` (and `CHISO_FUZZ_SEED`, `CHISO_FUZZ_REQUESTS_PER_MINUTE` to lift
 * the rate limits) run longer: `pnpm bench -- --soak` does.
 */

const RUNS = Number(process.env.CHISO_FUZZ_RUNS ?? 3_000);
const SEED = Number(process.env.CHISO_FUZZ_SEED ?? 20_250_919);
const BODY_LIMIT = 1024 * 1024;

const { db } = await createTestDatabase({ demo: true });
const env = loadEnv({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  CHISO_DATA_KEY: randomBytes(32).toString('base64'),
  CHISO_PSEUDONYM_SECRET: 'fuzz-pseudonym-secret-0123456789abcdef',
  // Bursts of generated feedback must meet the same answer as real ones, not a different limit per run.
  CHISO_FEEDBACK_SUBMISSIONS_PER_HOUR: '1000000',
  // The long run under `pnpm bench` lifts the per-minute request limits, so its cases reach the schema and the
  // transport rather than the rate limiter (CI keeps the production defaults).
  ...(process.env.CHISO_FUZZ_REQUESTS_PER_MINUTE
    ? {
        CHISO_RATE_LIMIT_ANONYMOUS_PER_MINUTE: process.env.CHISO_FUZZ_REQUESTS_PER_MINUTE,
        CHISO_RATE_LIMIT_STAFF_PER_MINUTE: process.env.CHISO_FUZZ_REQUESTS_PER_MINUTE,
      }
    : {}),
});
/** What the servers log as errors (unexpected failures), to explain a finding. */
const logged: string[] = [];
const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(line) });
const anonymousServer = await buildServer({ db, env, logger });
const admin = await viewerFor(db, 'fuzz-admin@example.test', [
  { role: 'system_admin', unitId: null, agencyId: null },
]);
const adminServer = await buildServer({ db, env, logger, authenticate: async () => admin });
afterAll(async () => {
  await anonymousServer.close();
  await adminServer.close();
});

// ───────────────────────── values from the schema ─────────────────────────

const TYPE_NAMES = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__'));

const textArb = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'Hà Nội',
      "'; drop table survey_response; --",
      '%',
      '_',
      '\\',
      '\u0000',
      '\ud800',
      '1.000001',
      '2025-13-45',
      'NaN',
      '9'.repeat(40),
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)) },
);

const globalIdArb = fc.oneof(
  fc
    .tuple(fc.constantFrom(...TYPE_NAMES), fc.oneof(fc.nat({ max: 50 }).map(String), textArb))
    .map(([type, id]) => Buffer.from(`${type}:${id}`).toString('base64')),
  textArb,
);

const wrongValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, 0, -1, 2 ** 31, 2 ** 53, 1e308, -0.5, true, '', [], {}),
  fc.integer({ min: 1, max: 2_000 }).map((depth) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  }),
);

function scalarArb(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
      return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.integer());
    case 'Float':
      return fc.double({ noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return globalIdArb;
    case 'Date':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        textArb,
      );
    case 'DateTime':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        textArb,
      );
    default:
      return textArb;
  }
}

/** A value for `type`: mostly of the right shape, sometimes of any shape at all. */
function inputArb(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: shapedArb(type, depth) }, { weight: 1, arbitrary: wrongValueArb });
}

function shapedArb(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return shapedArb(type.ofType, depth);
  if (isListType(type)) {
    return depth > 3 ? fc.constant([]) : fc.array(inputArb(type.ofType, depth + 1), { maxLength: 25 });
  }
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
      { weight: 1, arbitrary: textArb },
    );
  }
  if (isScalarType(type)) return scalarArb(type.name);
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const required = fields
      .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
      .map((f) => f.name);
    const record = fc.record(Object.fromEntries(fields.map((f) => [f.name, inputArb(f.type, depth + 1)])), {
      requiredKeys: [],
    });
    // Mostly with every required field; sometimes with some of them missing.
    return fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(
            record,
            fc.tuple(
              ...required.map((name) => inputArb(fields.find((f) => f.name === name)!.type, depth + 1)),
            ),
          )
          .map(([rest, values]) => ({
            ...rest,
            ...Object.fromEntries(required.map((name, i) => [name, values[i]])),
          })),
      },
      { weight: 1, arbitrary: record },
    );
  }
  return wrongValueArb;
}

/** `value` as a GraphQL literal of `type` (enum names bare), or as any literal when it has another shape. */
function literal(value: unknown, type?: GraphQLInputType): string {
  const named = type ? getNamedType(type) : undefined;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    return named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)
      ? value
      : JSON.stringify(value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const item = type && isNonNullType(type) ? type.ofType : type;
    const itemType = item && isListType(item) ? item.ofType : undefined;
    return `[${value.map((v) => literal(v, itemType)).join(', ')}]`;
  }
  const fields = named && isInputObjectType(named) ? named.getFields() : {};
  return `{ ${Object.entries(value as Record<string, unknown>)
    .filter(([key]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(key))
    .map(([key, v]) => `${key}: ${literal(v, fields[key]?.type)}`)
    .join(', ')} }`;
}

function argumentsArb(args: readonly GraphQLArgument[]): fc.Arbitrary<string> {
  if (args.length === 0) return fc.constant('');
  return fc
    .record(Object.fromEntries(args.map((a) => [a.name, inputArb(a.type)])), {
      requiredKeys: args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
    })
    .map((values) => {
      const entries = Object.entries(values).map(
        ([name, v]) => `${name}: ${literal(v, args.find((a) => a.name === name)?.type)}`,
      );
      return entries.length > 0 ? `(${entries.join(', ')})` : '';
    });
}

/** A selection set for `type`, up to `depth` levels further down. */
function selectionArb(type: GraphQLOutputType, depth: number): fc.Arbitrary<string> {
  const named = getNamedType(type) as GraphQLNamedType;
  if (isLeafType(named)) return fc.constant('');
  if (depth <= 0) return fc.constant('{ __typename }');
  if (isUnionType(named) || isInterfaceType(named)) {
    const members = isUnionType(named) ? named.getTypes() : schema.getPossibleTypes(named);
    if (members.length === 0) return fc.constant('{ __typename }');
    return fc
      .subarray([...members], { minLength: 1, maxLength: Math.min(3, members.length) })
      .chain((picked) => fc.tuple(...picked.map((m) => fieldsArb(m, depth - 1))))
      .map((parts) => `{ __typename ${parts.map((p) => `... on ${p.type} ${p.text}`).join(' ')} }`);
  }
  if (isObjectType(named)) return fieldsArb(named, depth).map((p) => p.text);
  return fc.constant('');
}

function fieldsArb(type: GraphQLNamedType, depth: number): fc.Arbitrary<{ type: string; text: string }> {
  if (!isObjectType(type) && !isInterfaceType(type))
    return fc.constant({ type: type.name, text: '{ __typename }' });
  const fields = Object.values(type.getFields());
  return fc
    .subarray(fields, { minLength: 1, maxLength: Math.min(4, fields.length) })
    .chain((picked) => fc.tuple(...picked.map((field) => fieldArb(field, depth - 1))))
    .map((texts) => ({ type: type.name, text: `{ __typename ${texts.join(' ')} }` }));
}

function fieldArb(field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<string> {
  return fc
    .tuple(argumentsArb(field.args), selectionArb(field.type, depth))
    .map(([args, selection]) => `${field.name}${args} ${selection}`);
}

interface Operation {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** One root field of Query or Mutation, its arguments sent as variables (mostly) or inline. */
const operationArb: fc.Arbitrary<Operation> = fc
  .constantFrom(
    ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({ kind: 'query' as const, field: f })),
    ...Object.values(schema.getMutationType()!.getFields()).map((f) => ({
      kind: 'mutation' as const,
      field: f,
    })),
  )
  .chain(({ kind, field }) =>
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            fc.record(Object.fromEntries(field.args.map((a) => [a.name, inputArb(a.type)])), {
              requiredKeys: [],
            }),
            selectionArb(field.type, 3),
            fc.boolean(),
          )
          .map(([variables, selection, named]) => {
            const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`);
            const passed = field.args.map((a) => `${a.name}: $${a.name}`);
            const name = named ? ' Fuzz' : '';
            const head = declared.length > 0 ? `${kind}${name}(${declared.join(', ')})` : `${kind}${name}`;
            const call = passed.length > 0 ? `${field.name}(${passed.join(', ')})` : field.name;
            return {
              query: `${head} { ${call} ${selection} }`,
              variables,
              ...(named ? { operationName: 'Fuzz' } : {}),
            };
          }),
      },
      { weight: 2, arbitrary: fieldArb(field, 3).map((text) => ({ query: `${kind} { ${text} }` })) },
    ),
  );

// ───────────────────────── hostile documents ─────────────────────────

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '!',
  '@',
  '...',
  ',',
  '"',
  '"""',
  '#',
  '\\',
  '=',
  '|',
  '&',
];

/** A document with random cuts and insertions: mostly syntax errors. */
const mangledArb: fc.Arbitrary<Operation> = fc
  .tuple(
    operationArb,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 20 }),
        fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 5 }), fc.constant('')),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([operation, edits]) => {
    let query = operation.query;
    for (const [at, cut, insert] of edits) {
      const i = at % (query.length + 1);
      query = query.slice(0, i) + insert + query.slice(i + cut);
    }
    return { ...operation, query };
  });

const deepArb: fc.Arbitrary<Operation> = fc
  .tuple(
    fc.integer({ min: 5, max: 3_000 }),
    fc.constantFrom('units', 'parent', 'agency', 'node', '__typename', 'a'),
  )
  .map(([depth, field]) => ({ query: `{${` ${field} {`.repeat(depth)} __typename${' }'.repeat(depth)} }` }));

const deepRealArb: fc.Arbitrary<Operation> = fc.integer({ min: 2, max: 60 }).map((depth) => ({
  query: `{ units(level: PROVINCE) { ${'children { '.repeat(depth)} code ${'} '.repeat(depth)} } }`,
}));

const aliasesArb: fc.Arbitrary<Operation> = fc
  .tuple(fc.integer({ min: 1, max: 3_000 }), fc.constantFrom('__typename', 'levels { code }', 'me { id }'))
  .map(([count, selection]) => ({
    query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`,
  }));

const directivesArb: fc.Arbitrary<Operation> = fc.integer({ min: 1, max: 2_000 }).map((count) => ({
  query: `{ __typename ${'@include(if: true) '.repeat(count)} }`,
}));

const oddDocumentArb: fc.Arbitrary<Operation> = fc.constantFrom(
  { query: 'fragment A on Query { ...B } fragment B on Query { ...A } { ...A }' },
  { query: 'query A { __typename } query B { __typename }' },
  { query: 'query A { __typename }', operationName: 'B' },
  { query: 'subscription { __typename }' },
  { query: '{ __schema { types { name } } }' },
  { query: '{ __type(name: "Query") { fields { name } } }' },
  { query: '{ levl { code } }' },
  { query: '{ levels { cod } }' },
  { query: 'query ($x: Int!) { __typename }', variables: {} },
  { query: 'query ($x: Int) { __typename }', variables: { x: 'no' } },
  { query: 'query ($x: NoSuchType) { __typename }' },
  { query: '' },
  { query: ' ' },
  { query: '#' },
  { query: '{ node(id: "") { id } }' },
  { query: '{ nodes(ids: []) { id } }' },
  { query: `{ __typename ${'...on Query { __typename } '.repeat(500)} }` },
);

const documentArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 12, arbitrary: operationArb },
  { weight: 3, arbitrary: mangledArb },
  { weight: 1, arbitrary: deepArb },
  { weight: 1, arbitrary: deepRealArb },
  { weight: 1, arbitrary: aliasesArb },
  { weight: 1, arbitrary: directivesArb },
  { weight: 1, arbitrary: oddDocumentArb },
);

// ───────────────────────── requests ─────────────────────────

interface FuzzRequest {
  kind: string;
  admin: boolean;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const JSON_TYPE = 'application/json';
const CONTENT_TYPES = [
  JSON_TYPE,
  'application/json; charset=utf-8',
  'application/graphql-response+json',
  'application/graphql',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  'application/json; charset=latin1',
  'invalid',
  '',
];
const ACCEPTS = [
  'application/json',
  'application/graphql-response+json',
  '*/*',
  'text/html',
  'image/png',
  '',
];

function withHeaders(base: Record<string, string>, extra: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries({ ...base, ...extra }).filter(([, v]) => v !== ''));
}

const postArb: fc.Arbitrary<FuzzRequest> = fc
  .tuple(documentArb, fc.boolean(), fc.constantFrom(...ACCEPTS))
  .map(([operation, admin, accept]) => ({
    kind: 'post',
    admin,
    method: 'POST',
    url: '/graphql',
    headers: withHeaders({ 'content-type': JSON_TYPE }, { accept }),
    payload: JSON.stringify(operation),
  }));

const getArb: fc.Arbitrary<FuzzRequest> = fc
  .tuple(documentArb, fc.boolean(), fc.boolean(), fc.boolean())
  .map(([operation, admin, preflight, variablesAsJson]) => {
    const params = new URLSearchParams({ query: operation.query });
    if (operation.variables) {
      params.set(
        'variables',
        variablesAsJson ? JSON.stringify(operation.variables) : JSON.stringify(operation.variables).slice(1),
      );
    }
    if (operation.operationName) params.set('operationName', operation.operationName);
    return {
      kind: 'get',
      admin,
      method: 'GET',
      url: `/graphql?${params.toString()}`,
      headers: (preflight ? { 'apollo-require-preflight': 'true' } : {}) as Record<string, string>,
    };
  });

const batchArb: fc.Arbitrary<FuzzRequest> = fc.array(documentArb, { maxLength: 30 }).map((operations) => ({
  kind: 'batch',
  admin: false,
  method: 'POST',
  url: '/graphql',
  headers: { 'content-type': JSON_TYPE },
  payload: JSON.stringify(operations),
}));

const contentTypeArb: fc.Arbitrary<FuzzRequest> = fc
  .tuple(operationArb, fc.constantFrom(...CONTENT_TYPES), fc.boolean())
  .map(([operation, contentType, raw]) => ({
    kind: 'content-type',
    admin: false,
    method: 'POST',
    url: '/graphql',
    headers: withHeaders({}, { 'content-type': contentType }),
    payload: raw ? operation.query : JSON.stringify(operation),
  }));

/** Bytes that are not UTF-8 (lone continuation bytes, overlong forms, surrogates) inside a JSON body. */
const invalidUtf8Arb: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    operationArb,
    fc.array(
      fc.constantFrom(
        [0xff],
        [0xc3, 0x28],
        [0x80],
        [0xe2, 0x82],
        [0xf0, 0x28, 0x8c, 0xbc],
        [0xc0, 0xaf],
        [0xed, 0xa0, 0x80],
        [0x00],
      ),
      { minLength: 1, maxLength: 5 },
    ),
    fc.nat(),
    fc.boolean(),
  )
  .map(([operation, sequences, at, inString]) => {
    const text = inString
      ? JSON.stringify({ ...operation, variables: { ...operation.variables, x: '@@BYTES@@' } })
      : JSON.stringify(operation);
    const bytes = Buffer.from(sequences.flat());
    const encoded = Buffer.from(text, 'utf8');
    const marker = encoded.indexOf('@@BYTES@@');
    const i = inString && marker >= 0 ? marker : at % (encoded.length + 1);
    const payload = Buffer.concat([encoded.subarray(0, i), bytes, encoded.subarray(inString ? i + 9 : i)]);
    return {
      kind: 'invalid-utf8',
      admin: false,
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': JSON_TYPE },
      payload,
    };
  });

const oversizeArb: fc.Arbitrary<FuzzRequest> = fc
  .tuple(fc.integer({ min: BODY_LIMIT - 64, max: BODY_LIMIT + 4_096 }), fc.boolean())
  .map(([size, asVariable]) => {
    const filler = 'x'.repeat(size);
    const payload = asVariable
      ? JSON.stringify({ query: 'query ($s: String) { __typename }', variables: { s: filler } })
      : JSON.stringify({ query: `{ __typename }${' '.repeat(size)}` });
    return {
      kind: 'oversize',
      admin: false,
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': JSON_TYPE },
      payload,
    };
  });

const randomBytesArb: fc.Arbitrary<FuzzRequest> = fc
  .tuple(fc.uint8Array({ maxLength: 4_096 }), fc.constantFrom(...CONTENT_TYPES))
  .map(([bytes, contentType]) => ({
    kind: 'random-bytes',
    admin: false,
    method: 'POST',
    url: '/graphql',
    headers: withHeaders({}, { 'content-type': contentType }),
    payload: Buffer.from(bytes),
  }));

const oddBodyArb: fc.Arbitrary<FuzzRequest> = fc
  .oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc
      .record(
        {
          query: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant('{ __typename }')),
          variables: fc.jsonValue({ maxDepth: 2 }),
          operationName: fc.jsonValue({ maxDepth: 1 }),
          extensions: fc.jsonValue({ maxDepth: 2 }),
        },
        { requiredKeys: [] },
      )
      .map((body) => JSON.stringify(body)),
    fc.constantFrom('', 'null', '{', '[', '"', '{"query":', '{"query":"{ __typename }"}garbage', '\u0000'),
  )
  .map((payload) => ({
    kind: 'odd-body',
    admin: false,
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': JSON_TYPE },
    payload,
  }));

const requestArb: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 30, arbitrary: postArb },
  { weight: 6, arbitrary: getArb },
  { weight: 3, arbitrary: batchArb },
  { weight: 4, arbitrary: contentTypeArb },
  { weight: 3, arbitrary: invalidUtf8Arb },
  { weight: 1, arbitrary: oversizeArb },
  { weight: 3, arbitrary: randomBytesArb },
  { weight: 4, arbitrary: oddBodyArb },
);

// ───────────────────────── what every answer must be ─────────────────────────

const CODE = /^[A-Z][A-Z0-9_]*$/;
/** Stack frames, source paths, driver and SQL messages. */
const LEAKS = [
  /\n\s+at /,
  /\bat [\w$.<>]+ \(/,
  /file:\/\//,
  /node_modules/,
  /\/work\/|\/src\/|\/dist\//,
  /\.[cm]?[jt]s:\d+/,
  /relation "/,
  /syntax error at or near/,
  /\bpg\b|\bpg-|SQLSTATE|postgres/i,
  /"stacktrace"/,
  /duplicate key value|violates (?:foreign key|not-null|check|unique)/,
  /invalid input syntax for/,
  /out of range for type/,
];

function problemsOf(request: FuzzRequest, status: number, contentType: string, body: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  const requestText =
    typeof request.payload === 'string'
      ? request.payload
      : (request.payload?.toString('utf8') ?? '') + decodeURIComponent(request.url.replace(/\+/g, ' '));
  for (const leak of LEAKS) {
    const match = leak.exec(body);
    if (match && !requestText.includes(match[0]))
      problems.push(`leak ${leak}: …${body.slice(Math.max(0, match.index - 80), match.index + 80)}…`);
  }
  if (!/json/.test(contentType)) {
    problems.push(`content type ${contentType || '(none)'}`);
    return problems;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    problems.push('body is not JSON');
    return problems;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push('body is not a GraphQL response object');
    return problems;
  }
  const { data, errors } = parsed as { data?: unknown; errors?: unknown };
  if (errors === undefined) {
    if (data === undefined || status >= 400) problems.push('no data and no errors');
    return problems;
  }
  if (!Array.isArray(errors) || errors.length === 0) {
    problems.push('errors is not a non-empty list');
    return problems;
  }
  for (const error of errors as { message?: unknown; extensions?: { code?: unknown } }[]) {
    const code = error?.extensions?.code;
    if (typeof error?.message !== 'string') problems.push('an error without a message');
    if (typeof code !== 'string' || !CODE.test(code))
      problems.push(`an error without a stable code: ${JSON.stringify(error).slice(0, 200)}`);
    else if (code === 'INTERNAL_SERVER_ERROR')
      problems.push(`INTERNAL_SERVER_ERROR at ${JSON.stringify((error as { path?: unknown }).path)}`);
  }
  return problems;
}

describe('findings kept as examples', () => {
  const post = async (query: string, variables?: Record<string, unknown>) =>
    (
      await anonymousServer.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': JSON_TYPE },
        payload: { query, variables },
      })
    ).json();
  const id = (text: string) => Buffer.from(text).toString('base64');

  it('finds nothing for a global ID naming a type that is not a Node', async () => {
    for (const typename of ['MutationSubmitSurveyResponseResult', 'LoginInput', 'NoSuchType', 'Query']) {
      expect(
        await post('query($id: ID!) { node(id: $id) { __typename } }', { id: id(`${typename}:1`) }),
      ).toEqual({
        data: { node: null },
      });
    }
    const levels = await post('{ levels { code } }');
    expect(levels.errors).toBeUndefined();
    const many = await post('query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }', {
      ids: [id('Error:1'), id('NoSuchType:2')],
    });
    expect(many).toEqual({ data: { nodes: [null, null] } });
  });

  it('refuses batched operations (a JSON array) with 400 BAD_REQUEST', async () => {
    const response = await anonymousServer.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': JSON_TYPE },
      payload: JSON.stringify(Array.from({ length: 3 }, () => ({ query: '{ __typename }' }))),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers an unsupported content type 415 and a malformed JSON body 400, with stable codes', async () => {
    const unsupported = await anonymousServer.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/xml' },
      payload: '<query/>',
    });
    expect(unsupported.statusCode).toBe(415);
    expect(unsupported.json().errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const malformed = await anonymousServer.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': JSON_TYPE },
      payload: '{"query":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers more than 50 bad variable values as BAD_USER_INPUT', async () => {
    const { errors } = await post('query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }', {
      ids: Array.from({ length: 60 }, () => ({})),
    });
    expect(new Set(errors.map((e: { extensions: { code: string } }) => e.extensions.code))).toEqual(
      new Set(['BAD_USER_INPUT']),
    );
  });
});

describe('bad input fuzzer', () => {
  it(
    `answers ${RUNS} generated requests with well-formed errors, never a 5xx or a leak`,
    async () => {
      const found = new Map<string, { count: number; example: string }>();
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(requestArb, async (request) => {
          const app: FastifyInstance = request.admin ? adminServer : anonymousServer;
          logged.length = 0;
          const response = await app.inject({
            method: request.method,
            url: request.url,
            headers: request.headers,
            ...(request.payload !== undefined ? { payload: request.payload } : {}),
          });
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const contentType = String(response.headers['content-type'] ?? '');
          for (const problem of problemsOf(request, response.statusCode, contentType, response.body)) {
            const key = `${request.kind}: ${problem.slice(0, 160)}`;
            const entry = found.get(key);
            if (entry) entry.count += 1;
            else {
              const sent =
                typeof request.payload === 'string'
                  ? request.payload
                  : (request.payload?.toString('utf8') ?? request.url);
              found.set(key, {
                count: 1,
                example: `${logged.join('').slice(0, 1_500)}\n    ${request.method} ${request.url.slice(0, 200)} ${JSON.stringify(request.headers)} ${sent.slice(0, 400)} → ${response.statusCode} ${response.body.slice(0, 400)}`,
              });
            }
          }
        }),
        { seed: SEED, numRuns: RUNS },
      );
      console.log(
        `fuzz: ${RUNS} requests, seed ${SEED}, HTTP ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
      expect(
        [...found.entries()].map(([key, { count, example }]) => `${key} (×${count})\n    ${example}`),
      ).toEqual([]);
    },
    Math.max(120_000, RUNS * 60),
  );
});
