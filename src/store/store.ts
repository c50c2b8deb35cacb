/**
 * @module store/store
 * The one persistence layer: SQLite (better-sqlite3, WAL) in the data directory. Every service keeps
 * its records as JSON documents in tables it owns, with a few indexed columns to query by; only the
 * service's model.ts touches its tables. Writes are synchronous and committed before a handler
 * replies, so nothing accepted is lost to a crash.
 *
 * The database holds secrets (the registry's token signing key among them): the data directory is
 * kept 0700 and the database with its -wal and -shm files 0600, tightened at open if found wider.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ownerOnlyDir, ownerOnlyFile, tighten, type Tightened } from '../core/files.ts';
import { logger } from '../core/log.ts';

const log = logger('store');

export type ColumnValue = string | number | null;

export class Store {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(db: Database.Database) {
    this.db = db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS slipway_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  }

  /** Opens (creating if needed) the store in `dataDir`; ':memory:' for tests. */
  static open(dataDir: string): Store {
    if (dataDir === ':memory:') return new Store(new Database(':memory:'));
    const file = join(dataDir, 'slipway.db');
    const tightened = [ownerOnlyDir(dataDir), ownerOnlyFile(file), tighten(`${file}-wal`, 0o600), tighten(`${file}-shm`, 0o600)];
    const store = new Store(new Database(file));
    // SQLite gives a new -wal or -shm file the database's mode; checked again all the same.
    tightened.push(tighten(`${file}-wal`, 0o600), tighten(`${file}-shm`, 0o600));
    for (const t of tightened.filter((t): t is Tightened => t !== undefined)) {
      log.warn(`${t.path} was readable by others (mode ${t.from.toString(8)}); now ${t.to.toString(8)}, as it holds secrets`);
    }
    return store;
  }

  prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs fn in one transaction (nested calls join the outer one). */
  tx<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn).immediate();
  }

  meta(key: string): string | undefined {
    const row = this.prepare('SELECT value FROM slipway_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.prepare('INSERT INTO slipway_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** A table of JSON documents keyed by `pk`, with indexed columns to filter on. */
  docTable<T, C extends string>(name: string, columns: Record<C, 'TEXT' | 'INTEGER'>): DocTable<T, C> {
    return new DocTable<T, C>(this, name, columns);
  }

  close(): void {
    this.db.close();
  }
}

export class DocTable<T, C extends string> {
  private readonly columnNames: C[];

  constructor(private readonly store: Store, readonly name: string, columns: Record<C, 'TEXT' | 'INTEGER'>) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`bad table name ${name}`);
    this.columnNames = Object.keys(columns) as C[];
    const defs = this.columnNames.map((c) => `${c} ${columns[c]}`).join(', ');
    store.db.exec(`CREATE TABLE IF NOT EXISTS ${name} (pk TEXT PRIMARY KEY, ${defs}${defs ? ', ' : ''}doc TEXT NOT NULL)`);
    for (const c of this.columnNames) store.db.exec(`CREATE INDEX IF NOT EXISTS ${name}_${c} ON ${name} (${c})`);
  }

  get(pk: string): T | undefined {
    const row = this.store.prepare(`SELECT doc FROM ${this.name} WHERE pk = ?`).get(pk) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  put(pk: string, doc: T, index: Record<C, ColumnValue>): void {
    const cols = this.columnNames;
    const sql =
      `INSERT INTO ${this.name} (pk${cols.map((c) => ', ' + c).join('')}, doc) VALUES (?${cols.map(() => ', ?').join('')}, ?) ` +
      `ON CONFLICT(pk) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}, `).join('')}doc = excluded.doc`;
    this.store.prepare(sql).run(pk, ...cols.map((c) => index[c] ?? null), JSON.stringify(doc));
  }

  /** Read-modify-write of one document in a transaction; `write` stores it with its columns. Undefined when it is gone. */
  modify(pk: string, mutate: (doc: T) => void, write: (doc: T) => void): T | undefined {
    return this.store.tx(() => {
      const doc = this.get(pk);
      if (!doc) return undefined;
      mutate(doc);
      write(doc);
      return doc;
    });
  }

  delete(pk: string): boolean {
    return this.store.prepare(`DELETE FROM ${this.name} WHERE pk = ?`).run(pk).changes > 0;
  }

  /** Documents whose columns equal every given value (undefined = no filter), ordered by `orderBy`. */
  find(where: Partial<Record<C, ColumnValue>> = {}, orderBy: string = 'pk'): T[] {
    const keys = (Object.keys(where) as C[]).filter((k) => where[k] !== undefined);
    for (const k of keys) if (!this.columnNames.includes(k)) throw new Error(`${this.name} has no column ${k}`);
    const clause = keys.length ? ' WHERE ' + keys.map((k) => (where[k] === null ? `${k} IS NULL` : `${k} = ?`)).join(' AND ') : '';
    const params = keys.filter((k) => where[k] !== null).map((k) => where[k]);
    const rows = this.store.prepare(`SELECT doc FROM ${this.name}${clause} ORDER BY ${orderBy}`).all(...params) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as T);
  }

  count(where: Partial<Record<C, ColumnValue>> = {}): number {
    const keys = (Object.keys(where) as C[]).filter((k) => where[k] !== undefined);
    const clause = keys.length ? ' WHERE ' + keys.map((k) => `${k} = ?`).join(' AND ') : '';
    const row = this.store.prepare(`SELECT count(*) AS n FROM ${this.name}${clause}`).get(...keys.map((k) => where[k])) as { n: number };
    return row.n;
  }
}
