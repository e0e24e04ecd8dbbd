import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createDatabase } from './database.js';
import { migrateTo, migrateToLatest, migrations } from './migrate.js';

/**
 * A portable logical backup of the application database, written and read with nothing but Node and `pg`
 * (no `pg_dump`, whose version would have to match the server's).
 *
 * File format (version 1): a gzip stream holding the 13 bytes `CHISO-BACKUP\n`, then frames of one type byte,
 * a 4-byte big-endian payload length and the payload:
 * - `H` (once, first): JSON {@link BackupHeader} — format version, applied migrations, tables in load order
 *   with their columns, sequence states;
 * - for each table of the header, in order: `D` frames of COPY CSV data, then `E`: JSON `{ table, rows }`;
 * - `Z` (once, last): JSON `{ tables }`. A file without it is truncated.
 * gzip's CRC-32 catches corruption; a restore reads the whole file once before it changes anything.
 */
export const BACKUP_FORMAT = 1;
const MAGIC = Buffer.from('CHISO-BACKUP\n', 'latin1');
const MAX_FRAME = 64 * 1024 * 1024;
const CHUNK = 256 * 1024;
/** Kysely's bookkeeping: the migration list is in the header, and the lock table is rebuilt by the migrator. */
const SKIPPED_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

export interface BackupTable {
  name: string;
  columns: string[];
}

export interface BackupSequence {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export interface BackupHeader {
  format: number;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: BackupTable[];
  sequences: BackupSequence[];
}

export interface BackupSummary {
  file: string;
  migrations: number;
  tables: number;
  rows: number;
}

/** The file is not a Chỉ số backup, or is damaged or truncated. */
export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}

/** The backup cannot be restored here (the database is not empty, or the code lacks its migrations). */
export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

const corrupt = (detail: string) =>
  new BackupFormatError(
    `Tệp sao lưu không hợp lệ hoặc bị hỏng (${detail}). / Not a Chỉ số backup, or a damaged one (${detail}).`,
  );

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

function frame(type: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

const jsonFrame = (type: string, value: unknown) => frame(type, Buffer.from(JSON.stringify(value), 'utf8'));

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    application_name: 'chiso-backup',
    statement_timeout: 0,
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Tables of the public schema (no partitions: their parent holds their rows), parents before children. */
async function listTables(client: pg.Client): Promise<BackupTable[]> {
  const tables = await client.query<{ name: string }>(`
    select t.table_name as name
    from information_schema.tables t
    join pg_class c on c.relname = t.table_name and c.relnamespace = 'public'::regnamespace
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE' and not c.relispartition
    order by t.table_name
  `);
  const names = tables.rows.map((r) => r.name).filter((name) => !SKIPPED_TABLES.has(name));
  const columns = await client.query<{ table: string; column: string }>(`
    select table_name as table, column_name as column
    from information_schema.columns
    where table_schema = 'public' and is_generated = 'NEVER'
    order by table_name, ordinal_position
  `);
  const references = await client.query<{ child: string; parent: string }>(`
    select c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and c.relnamespace = 'public'::regnamespace and c.oid <> p.oid
  `);
  const parents = new Map<string, Set<string>>(names.map((name) => [name, new Set()]));
  for (const { child, parent } of references.rows) parents.get(child)?.add(parent);
  // Depth-first topological order, so that a restore without `session_replication_role` still satisfies
  // foreign keys; a cycle (none today) falls back to the alphabetical order.
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.has(name)) return;
    state.set(name, 'visiting');
    for (const parent of parents.get(name) ?? []) if (parents.has(parent)) visit(parent);
    state.set(name, 'done');
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered.map((name) => ({
    name,
    columns: columns.rows.filter((c) => c.table === name).map((c) => c.column),
  }));
}

async function listSequences(client: pg.Client): Promise<BackupSequence[]> {
  const { rows } = await client.query<{ name: string }>(`
    select c.relname as name from pg_class c
    where c.relkind = 'S' and c.relnamespace = 'public'::regnamespace
    order by c.relname
  `);
  const sequences: BackupSequence[] = [];
  for (const { name } of rows) {
    const state = await client.query<{ last_value: string; is_called: boolean }>(
      `select last_value::text, is_called from public.${ident(name)}`,
    );
    const row = state.rows[0];
    if (row) sequences.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return sequences;
}

/**
 * Writes a backup of the database at `url` to `file` (created with its folder; written to `file.partial`
 * and renamed when complete). Everything is read in one REPEATABLE READ, READ ONLY transaction, so the
 * backup is one consistent snapshot while the application keeps running.
 */
export async function backupDatabase(
  url: string,
  file: string,
  options: { log?: (message: string) => void } = {},
): Promise<BackupSummary> {
  const log = options.log ?? (() => {});
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const client = await connect(url);
  let rows = 0;
  let header: BackupHeader;
  try {
    await client.query('begin isolation level repeatable read, read only');
    const hasMigrations = await client.query<{ present: boolean }>(
      `select to_regclass('public.kysely_migration') is not null as present`,
    );
    const applied = hasMigrations.rows[0]?.present
      ? (await client.query<{ name: string }>('select name from public.kysely_migration order by name')).rows
      : [];
    header = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      serverVersion: (await client.query<{ v: string }>('show server_version')).rows[0]?.v ?? '',
      migrations: applied.map((r) => r.name),
      tables: await listTables(client),
      sequences: await listSequences(client),
    };
    const tables = header.tables;

    async function* content(): AsyncGenerator<Buffer> {
      yield MAGIC;
      yield jsonFrame('H', header);
      for (const table of tables) {
        const columns = table.columns.map(ident).join(', ');
        const stream = client.query(
          copyTo(`copy (select ${columns} from public.${ident(table.name)}) to stdout with (format csv)`),
        );
        let pending: Buffer[] = [];
        let size = 0;
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          pending.push(chunk);
          size += chunk.length;
          if (size >= CHUNK) {
            yield frame('D', Buffer.concat(pending));
            pending = [];
            size = 0;
          }
        }
        if (size > 0) yield frame('D', Buffer.concat(pending));
        // The stream ends at CopyDone; the row count arrives just after, with CommandComplete, which the
        // client has handled by the time its next query answers.
        await client.query('select 1');
        rows += stream.rowCount;
        log(`${table.name}: ${stream.rowCount}`);
        yield jsonFrame('E', { table: table.name, rows: stream.rowCount });
      }
      yield jsonFrame('Z', { tables: tables.length });
    }

    await pipeline(Readable.from(content()), createGzip(), createWriteStream(partial));
    await client.query('commit');
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
  return { file, migrations: header.migrations.length, tables: header.tables.length, rows };
}

interface Frame {
  type: string;
  payload: Buffer;
}

/** Reads the frames of a backup file, turning gzip and framing errors into {@link BackupFormatError}. */
class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly iterator: AsyncIterator<Buffer>;
  private ended = false;

  constructor(file: string) {
    const gunzip = createGunzip();
    createReadStream(file)
      .on('error', (error) => gunzip.destroy(error))
      .pipe(gunzip);
    this.iterator = (gunzip as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  private async fill(size: number): Promise<boolean> {
    while (this.buffer.length < size) {
      if (this.ended) return false;
      let next: IteratorResult<Buffer>;
      try {
        next = await this.iterator.next();
      } catch (error) {
        const { code, message } = error as { code?: string; message?: string };
        if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw error;
        throw corrupt(message ?? String(error));
      }
      if (next.done) {
        this.ended = true;
        return false;
      }
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, next.value]) : next.value;
    }
    return true;
  }

  async read(size: number): Promise<Buffer> {
    if (!(await this.fill(size))) throw corrupt('unexpected end of file');
    const out = this.buffer.subarray(0, size);
    this.buffer = this.buffer.subarray(size);
    return out;
  }

  async magic(): Promise<void> {
    const head = await this.read(MAGIC.length).catch((error: unknown) => {
      throw error instanceof BackupFormatError ? corrupt('unknown format') : error;
    });
    if (!head.equals(MAGIC)) throw corrupt('unknown format');
  }

  async next(): Promise<Frame> {
    const head = await this.read(5);
    const type = String.fromCharCode(head[0] ?? 0);
    const length = head.readUInt32BE(1);
    if (!'HDEZ'.includes(type) || length > MAX_FRAME)
      throw corrupt(`bad frame at type ${JSON.stringify(type)}`);
    return { type, payload: await this.read(length) };
  }

  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

function parseJson<T>(frame: Frame, type: string): Partial<T> | undefined {
  if (frame.type !== type) throw corrupt(`expected frame ${type}, found ${frame.type}`);
  try {
    const value: unknown = JSON.parse(frame.payload.toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Partial<T>) : undefined;
  } catch {
    throw corrupt(`unreadable ${type} frame`);
  }
}

async function readHeader(reader: FrameReader): Promise<BackupHeader> {
  await reader.magic();
  const header = parseJson(await reader.next(), 'H') as BackupHeader;
  if (header?.format !== BACKUP_FORMAT) {
    throw corrupt(`format version ${String(header?.format)}; this code reads version ${BACKUP_FORMAT}`);
  }
  if (
    !Array.isArray(header.migrations) ||
    !Array.isArray(header.tables) ||
    !Array.isArray(header.sequences)
  ) {
    throw corrupt('incomplete header');
  }
  return header;
}

/** Reads `reader` up to the end of `table`'s data, yielding its CSV chunks. */
async function* tableData(
  reader: FrameReader,
  table: string,
  expected: { rows?: number },
): AsyncGenerator<Buffer> {
  for (;;) {
    const next = await reader.next();
    if (next.type === 'D') {
      yield next.payload;
      continue;
    }
    const end = parseJson<{ table: string; rows: number }>(next, 'E');
    if (end?.table !== table || typeof end.rows !== 'number') throw corrupt(`bad end of table ${table}`);
    expected.rows = end.rows;
    return;
  }
}

async function readTrailer(reader: FrameReader, header: BackupHeader): Promise<void> {
  const end = parseJson<{ tables: number }>(await reader.next(), 'Z');
  if (end?.tables !== header.tables.length) throw corrupt('bad trailer');
  if (!(await reader.atEnd())) throw corrupt('data after the end');
}

/**
 * Reads a whole backup file, checking its framing and gzip checksum; returns its header. Throws
 * {@link BackupFormatError} for anything but a complete backup of a known format.
 */
export async function verifyBackup(file: string): Promise<BackupHeader & { rows: number }> {
  const reader = new FrameReader(file);
  try {
    const header = await readHeader(reader);
    let rows = 0;
    for (const table of header.tables) {
      const expected: { rows?: number } = {};
      for await (const _ of tableData(reader, table.name, expected)) {
        // Only the framing is checked here.
      }
      rows += expected.rows ?? 0;
    }
    await readTrailer(reader, header);
    return { ...header, rows };
  } finally {
    await reader.close();
  }
}

function checkMigrations(backup: string[]): void {
  const known = Object.keys(migrations).sort();
  const unknown = backup.find((name, i) => known[i] !== name);
  if (unknown !== undefined) {
    throw new RestoreRefusedError(
      `Bản sao lưu có migration "${unknown}" mà mã nguồn này không có (bản sao lưu từ phiên bản khác hoặc mới hơn); ` +
        `hãy khôi phục bằng phiên bản mã tương ứng. / The backup has migration "${unknown}", which this code ` +
        `does not have (it comes from a newer or different version); restore it with matching code.`,
    );
  }
}

/** Names of the relations in the public schema, extension members aside. */
async function publicRelations(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    select c.relname as name from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
      and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
    order by c.relname
  `);
  return rows.map((r) => r.name);
}

export interface RestoreSummary {
  migrations: number;
  /** Migrations applied after the data was loaded (the code is newer than the backup). */
  migratedAfter: string[];
  tables: number;
  rows: number;
}

/**
 * Restores `file` into the database at `url`: checks the whole file, refuses a backup whose migrations are
 * not a prefix of the code's, requires an empty database (or `force`, which drops and recreates the public
 * schema), migrates to the backup's migration, empties the tables the migrations filled and loads every table
 * with COPY in one transaction (triggers off
 * with `session_replication_role = replica` where the role may set it), sets sequences to their backed-up
 * state and identity sequences to at least max(id), then runs the remaining migrations.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  options: { force?: boolean; log?: (message: string) => void } = {},
): Promise<RestoreSummary> {
  const log = options.log ?? (() => {});
  const verified = await verifyBackup(file);
  checkMigrations(verified.migrations);

  const client = await connect(url);
  try {
    const existing = await publicRelations(client);
    if (existing.length > 0) {
      if (!options.force) {
        throw new RestoreRefusedError(
          `Cơ sở dữ liệu không trống (${existing.length} bảng/đối tượng trong schema public); dùng --force để xoá ` +
            `và khôi phục. / The database is not empty (${existing.length} relations in the public schema); ` +
            `use --force to drop them and restore.`,
        );
      }
      log(`Dropping the public schema (${existing.length} relations)`);
      await client.query('drop schema public cascade');
      await client.query('create schema public');
      await client.query('grant usage on schema public to public');
    }
  } finally {
    await client.end().catch(() => {});
  }

  const db = createDatabase({ url, max: 2, statementTimeoutMs: 0, applicationName: 'chiso-restore' });
  try {
    await migrateTo(db, verified.migrations.at(-1));
  } finally {
    await db.destroy();
  }

  const loader = await connect(url);
  const reader = new FrameReader(file);
  let rows = 0;
  try {
    const header = await readHeader(reader);
    const present = await loader.query<{ table: string; column: string }>(`
      select table_name as table, column_name as column from information_schema.columns
      where table_schema = 'public' and is_generated = 'NEVER'
    `);
    const columnsOf = new Map<string, Set<string>>();
    for (const { table, column } of present.rows) {
      if (!columnsOf.has(table)) columnsOf.set(table, new Set());
      columnsOf.get(table)?.add(column);
    }
    for (const table of header.tables) {
      const missing = table.columns.filter((c) => !columnsOf.get(table.name)?.has(c));
      if (!columnsOf.has(table.name) || missing.length > 0) {
        throw new RestoreRefusedError(
          `Lược đồ sau migration không khớp bản sao lưu (bảng ${table.name}). / The schema after migrating does ` +
            `not match the backup (table ${table.name}${missing.length ? `: ${missing.join(', ')}` : ''}).`,
        );
      }
    }

    await loader.query('begin');
    await loader.query('savepoint replica');
    try {
      await loader.query('set local session_replication_role = replica');
      await loader.query('release savepoint replica');
    } catch {
      // Not allowed for this role: the tables come parents first and the append-only triggers only refuse
      // UPDATE and DELETE, so the load works with triggers on.
      await loader.query('rollback to savepoint replica');
      log('session_replication_role not permitted; loading with triggers enabled');
    }
    // Some migrations insert rows of their own (defaults, reference codes); the backup has the real ones.
    if (header.tables.length > 0) {
      await loader.query(`truncate ${header.tables.map((t) => `public.${ident(t.name)}`).join(', ')}`);
    }
    for (const table of header.tables) {
      const columns = table.columns.map(ident).join(', ');
      const copy = loader.query(
        copyFrom(`copy public.${ident(table.name)} (${columns}) from stdin with (format csv)`),
      );
      const expected: { rows?: number } = {};
      await pipeline(Readable.from(tableData(reader, table.name, expected)), copy as Writable);
      if (copy.rowCount !== expected.rows) {
        throw corrupt(`table ${table.name}: ${copy.rowCount} rows loaded, ${String(expected.rows)} expected`);
      }
      rows += copy.rowCount;
      log(`${table.name}: ${copy.rowCount}`);
    }
    await readTrailer(reader, header);

    for (const sequence of header.sequences) {
      await loader.query(`select setval($1::regclass, $2::bigint, $3)`, [
        `public.${ident(sequence.name)}`,
        sequence.lastValue,
        sequence.isCalled,
      ]);
    }
    const identities = await loader.query<{ table: string; column: string; sequence: string }>(`
      select c.table_name as table, c.column_name as column,
        pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as sequence
      from information_schema.columns c
      where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null
    `);
    for (const { table, column, sequence } of identities.rows) {
      await loader.query(
        `select setval($1::regclass, max_id) from (select max(${ident(column)}) as max_id from public.${ident(table)}) m
         where max_id is not null and max_id > (select case when is_called then last_value else last_value - 1 end
                                               from ${sequence})`,
        [sequence],
      );
    }
    await loader.query('commit');
  } catch (error) {
    await loader.query('rollback').catch(() => {});
    throw error;
  } finally {
    await reader.close();
    await loader.end().catch(() => {});
  }

  const after = createDatabase({ url, max: 2, statementTimeoutMs: 0, applicationName: 'chiso-restore' });
  let migratedAfter: string[];
  try {
    migratedAfter = await migrateToLatest(after);
  } finally {
    await after.destroy();
  }
  return { migrations: verified.migrations.length, migratedAfter, tables: verified.tables.length, rows };
}
