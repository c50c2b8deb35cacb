/**
 * @module store/store
 * The one persistence layer: SQLite (better-sqlite3, WAL) in the data directory. Every service keeps
 * its records as JSON documents in tables it owns, with a few indexed columns to query by; only the
 * service's model.ts touches its tables. Writes are synchronous and committed before a handler
 * replies, so nothing accepted is lost to a crash. Checkpoints run on their own thread (checkpointer.ts).
 *
 * The database holds secrets (the registry's token signing key among them): the data directory is
 * kept 0700 and the database with its -wal and -shm files 0600, tightened at open if found wider.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ownerOnlyDir, ownerOnlyFile, tighten, type Tightened } from '../core/files.ts';
import { logger } from '../core/log.ts';
import { startCheckpointer } from './checkpointer.ts';

const log = logger('store');

export type ColumnValue = string | number | null;

export class Store {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private stopCheckpointer?: () => Promise<void>;
  private readonly control: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', Database.Statement>;
  /** The open group transaction (see `grouped`), and whether its requests' code is running now. */
  private group?: {
    committed: Promise<void>;
    resolve: () => void;
    reject: (err: unknown) => void;
    empty: boolean;
    /** The commit at the turn's end, cancelled when the group is committed sooner. */
    atTurnEnd: NodeJS.Immediate;
  };
  private grouping = false;
  private groupDepth = 0;

  private constructor(db: Database.Database) {
    this.db = db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE IF NOT EXISTS slipway_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    this.control = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT request'),
      release: db.prepare('RELEASE request'),
      rollbackTo: db.prepare('ROLLBACK TO request'),
    };
  }

  /** Opens (creating if needed) the store in `dataDir`; ':memory:' for tests. */
  static open(dataDir: string): Store {
    if (dataDir === ':memory:') return new Store(new Database(':memory:'));
    const file = join(dataDir, 'slipway.db');
    const tightened = [ownerOnlyDir(dataDir), ownerOnlyFile(file), tighten(`${file}-wal`, 0o600), tighten(`${file}-shm`, 0o600)];
    const store = new Store(new Database(file));
    // The checkpoint thread syncs and copies the log (checkpointer.ts); this connection syncs nothing while it runs.
    store.db.pragma('synchronous = OFF');
    store.db.pragma('wal_autocheckpoint = 0');
    store.stopCheckpointer = startCheckpointer(file, () => store.syncOnItsOwn());
    // SQLite gives a new -wal or -shm file the database's mode; checked again all the same.
    tightened.push(tighten(`${file}-wal`, 0o600), tighten(`${file}-shm`, 0o600));
    for (const t of tightened.filter((t): t is Tightened => t !== undefined)) {
      log.warn(`${t.path} was readable by others (mode ${t.from.toString(8)}); now ${t.to.toString(8)}, as it holds secrets`);
    }
    return store;
  }

  /** A statement, prepared once per text; from outside `grouped`, the open group is committed first. */
  prepare(sql: string): Database.Statement {
    this.settle();
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /**
   * Runs fn in one transaction (nested calls join the outer one). What better-sqlite3's
   * `db.transaction(fn).immediate()` does, without building its wrappers anew for every call.
   * Inside `grouped`, the transaction is a savepoint of the open group transaction.
   */
  tx<T>(fn: () => T): T {
    if (this.grouping) return this.groupTx(fn);
    this.settle();
    const { db, control } = this;
    if (db.inTransaction) return fn();
    control.begin.run();
    try {
      const result = noPromise(fn());
      control.commit.run();
      return result;
    } catch (err) {
      if (db.inTransaction) control.rollback.run();
      throw err;
    }
  }

  /**
   * Group commit for API requests. Runs fn — the synchronous part of a request's handler — with
   * its transactions inside one transaction shared by every request served in this turn of the
   * event loop, committed once at the turn's end, or sooner by `settle()` (the API seam does so for
   * a request served alone). `committed` settles when what fn wrote or read is durable (or failed
   * to be): the request must not be answered before. Any other use of the store commits the open
   * group first, so code outside sees and writes only committed state.
   */
  grouped<T>(fn: () => T): { result: T; committed: Promise<void> } {
    this.grouping = true;
    try {
      const result = fn();
      return { result, committed: this.group?.committed ?? settled };
    } finally {
      this.grouping = false;
    }
  }

  private groupTx<T>(fn: () => T): T {
    const { control } = this;
    if (this.groupDepth > 0) return fn();
    if (!this.group) {
      control.begin.run();
      let resolve!: () => void;
      let reject!: (err: unknown) => void;
      const committed = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      // Each request awaits it; one whose handler is still busy when a commit fails must not crash the process.
      committed.catch(() => undefined);
      this.group = { committed, resolve, reject, empty: true, atTurnEnd: setImmediate(() => this.settle(true)) };
    }
    // The group's first transaction is the whole transaction so far: undoing it is a ROLLBACK, and
    // it needs no savepoint of its own (a request served alone, the usual case, runs two statements fewer).
    const first = this.group.empty;
    if (!first) control.savepoint.run();
    this.groupDepth++;
    try {
      const result = noPromise(fn());
      if (first) this.group.empty = false;
      else control.release.run();
      return result;
    } catch (err) {
      if (this.db.inTransaction && !first) {
        control.rollbackTo.run();
        control.release.run();
      } else {
        // The group held only this transaction, or a failure (a full disk, an I/O error) rolled the
        // whole transaction back: either way the group is gone, and whoever waits on it is told.
        if (this.db.inTransaction) control.rollback.run();
        const lost = this.group;
        this.group = undefined;
        lost?.reject(err);
      }
      throw err;
    } finally {
      this.groupDepth--;
    }
  }

  /** Commits the open group, if any (from outside `grouped`, or at the end of the turn when `force`). */
  settle(force = false): void {
    const group = this.group;
    if (!group || (this.grouping && !force)) return;
    this.group = undefined;
    clearImmediate(group.atTurnEnd);
    try {
      this.control.commit.run();
      group.resolve();
    } catch (err) {
      if (this.db.inTransaction) this.control.rollback.run();
      group.reject(err);
    }
  }

  meta(key: string): string | undefined {
    const row = this.prepare('SELECT value FROM slipway_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.prepare('INSERT INTO slipway_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }

  /**
   * A table of JSON documents keyed by `pk`, with columns to filter on: each column indexed alone,
   * or, when `indexes` is given, just those indexes (every index costs each write a page or more).
   */
  docTable<T, C extends string>(name: string, columns: Record<C, 'TEXT' | 'INTEGER'>, indexes?: NoInfer<C>[][]): DocTable<T, C> {
    return new DocTable<T, C>(this, name, columns, indexes);
  }

  /**
   * Without its checkpoint thread, this connection syncs as SQLite's NORMAL does and checkpoints
   * on its own past 10,000 pages (a backstop: the thread keeps the log far shorter).
   */
  private syncOnItsOwn(): void {
    if (!this.db.open) return;
    // The safety level cannot change inside a transaction: the open group is committed first.
    this.settle(true);
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('wal_autocheckpoint = 10000');
  }

  /**
   * Commits what is open and closes; the checkpoint thread's connection closes first, so this one
   * is the last, and its closing checkpoint (synced) leaves no log behind.
   */
  async close(): Promise<void> {
    this.settle(true);
    if (this.stopCheckpointer) {
      await this.stopCheckpointer();
      this.syncOnItsOwn();
    }
    this.settle(true);
    this.db.close();
  }
}

const settled = Promise.resolve();

function noPromise<T>(result: T): T {
  if (result instanceof Promise) throw new TypeError('Transaction function cannot return a promise');
  return result;
}

export class DocTable<T, C extends string> {
  private readonly columnNames: C[];
  // The statements every call uses, prepared once; find and count prepare theirs per filter.
  private readonly getDoc: Database.Statement;
  private readonly putDoc: Database.Statement;
  private readonly deleteDoc: Database.Statement;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly store: Store,
    readonly name: string,
    columns: Record<C, 'TEXT' | 'INTEGER'>,
    indexes?: C[][],
  ) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`bad table name ${name}`);
    const cols = (this.columnNames = Object.keys(columns) as C[]);
    const defs = cols.map((c) => `${c} ${columns[c]}`).join(', ');
    store.db.exec(`CREATE TABLE IF NOT EXISTS ${name} (pk TEXT PRIMARY KEY, ${defs}${defs ? ', ' : ''}doc TEXT NOT NULL)`);
    for (const index of indexes ?? cols.map((c) => [c])) {
      if (index.length === 0 || index.some((c) => !cols.includes(c))) throw new Error(`${name}: bad index (${index.join(', ')})`);
      store.db.exec(`CREATE INDEX IF NOT EXISTS ${name}_${index.join('_')} ON ${name} (${index.join(', ')})`);
    }
    // A column indexed alone before its table named its indexes: that index is dropped, as every write paid for it.
    for (const c of indexes ? cols : []) {
      if (!indexes!.some((index) => index.length === 1 && index[0] === c)) store.db.exec(`DROP INDEX IF EXISTS ${name}_${c}`);
    }
    this.getDoc = store.db.prepare(`SELECT doc FROM ${name} WHERE pk = ?`).pluck();
    this.putDoc = store.db.prepare(
      `INSERT INTO ${name} (pk${cols.map((c) => `, ${c}`).join('')}, doc) VALUES (?${cols.map(() => ', ?').join('')}, ?) ` +
        `ON CONFLICT(pk) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}, `).join('')}doc = excluded.doc`,
    );
    this.deleteDoc = store.db.prepare(`DELETE FROM ${name} WHERE pk = ?`);
  }

  get(pk: string): T | undefined {
    this.store.settle();
    const doc = this.getDoc.get(pk) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as T);
  }

  put(pk: string, doc: T, index: Record<C, ColumnValue>): void {
    this.store.settle();
    const cols = this.columnNames;
    const values: ColumnValue[] = [pk];
    for (const c of cols) values.push(index[c] ?? null);
    values.push(JSON.stringify(doc));
    this.putDoc.run(values);
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
    this.store.settle();
    return this.deleteDoc.run(pk).changes > 0;
  }

  /** Documents whose columns equal every given value (undefined = no filter), ordered by `orderBy`. */
  find(where: Partial<Record<C, ColumnValue>> = {}, orderBy: string = 'pk'): T[] {
    this.store.settle();
    const { clause, params } = this.filter(where);
    const docs = this.statement(`SELECT doc FROM ${this.name}${clause} ORDER BY ${orderBy}`).all(params) as string[];
    return docs.map((doc) => JSON.parse(doc) as T);
  }

  /** The keys of the documents `find` would return, without reading the documents. */
  keys(where: Partial<Record<C, ColumnValue>> = {}, orderBy: string = 'pk'): string[] {
    this.store.settle();
    const { clause, params } = this.filter(where);
    return this.statement(`SELECT pk FROM ${this.name}${clause} ORDER BY ${orderBy}`).all(params) as string[];
  }

  count(where: Partial<Record<C, ColumnValue>> = {}): number {
    this.store.settle();
    const { clause, params } = this.filter(where);
    return this.statement(`SELECT count(*) FROM ${this.name}${clause}`).get(params) as number;
  }

  /** The WHERE clause for `where`: undefined is no filter, null is IS NULL. */
  private filter(where: Partial<Record<C, ColumnValue>>): { clause: string; params: ColumnValue[] } {
    let clause = '';
    const params: ColumnValue[] = [];
    for (const k of Object.keys(where) as C[]) {
      const value = where[k];
      if (value === undefined) continue;
      if (!this.columnNames.includes(k)) throw new Error(`${this.name} has no column ${k}`);
      clause += clause ? ' AND ' : ' WHERE ';
      if (value === null) clause += `${k} IS NULL`;
      else {
        clause += `${k} = ?`;
        params.push(value);
      }
    }
    return { clause, params };
  }

  /** A single-column statement, prepared once per text. */
  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.store.db.prepare(sql).pluck();
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}
