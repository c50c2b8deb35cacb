/**
 * @module services/logs/model
 * CloudWatch Logs records and the only code that touches the room's tables. Groups and streams are
 * JSON documents; events are plain rows, so a stream of any size is read a page at a time through
 * its index and never loaded whole.
 *
 * Tables:
 *   logs_groups   pk logGroupArn   scope, name, gid        (document: GroupRecord)
 *   logs_streams  pk logStreamArn  grp, name, sid          (document: StreamRecord; grp is the group's gid)
 *   logs_events   id INTEGER PRIMARY KEY (ingestion order), grp, stream, ts, ingested, message
 *                 indexed (stream, ts, id) for GetLogEvents and (grp, ts, id) for FilterLogEvents
 *
 * `scope` is "<region>:<account>". gid and sid are small integers from one counter kept in
 * slipway_meta, so a name reused after a delete never meets the old rows. Events are ordered by
 * (ts, id): their timestamp, then the order they arrived in.
 */
import type { DocTable, Store } from '../../store/index.ts';

export interface GroupRecord {
  gid: number;
  arn: string;
  name: string;
  scope: string;
  creationTime: number;
  retentionInDays?: number;
  kmsKeyId?: string;
  logGroupClass: string;
  deletionProtectionEnabled: boolean;
  tags: Record<string, string>;
}

export interface StreamRecord {
  sid: number;
  gid: number;
  arn: string;
  name: string;
  creationTime: number;
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime?: number;
  /** UTF-8 bytes of the messages held. */
  storedBytes: number;
}

export interface EventRow {
  id: number;
  stream: number;
  ts: number;
  ingested: number;
  message: string;
}

/** Where a reader stands: just after (or before) the event (ts, id). (0, 0) is before every event. */
export interface Position {
  ts: number;
  id: number;
}

/** Timestamps a read may return: from inclusive, to exclusive. */
export interface TimeRange {
  from: number;
  to: number;
}

export interface NewEvent {
  timestamp: number;
  message: string;
}

const NEXT_ID = 'logs.next-id';
const COLUMNS = 'id, stream, ts, ingested, message';

export class LogsModel {
  readonly groups: DocTable<GroupRecord, 'scope' | 'name' | 'gid'>;
  readonly streams: DocTable<StreamRecord, 'grp' | 'name' | 'sid'>;

  constructor(readonly store: Store) {
    this.groups = store.docTable('logs_groups', { scope: 'TEXT', name: 'TEXT', gid: 'INTEGER' });
    this.streams = store.docTable('logs_streams', { grp: 'INTEGER', name: 'TEXT', sid: 'INTEGER' });
    store.db.exec(
      'CREATE TABLE IF NOT EXISTS logs_events (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, stream INTEGER NOT NULL, ' +
        'ts INTEGER NOT NULL, ingested INTEGER NOT NULL, message TEXT NOT NULL)',
    );
    store.db.exec('CREATE INDEX IF NOT EXISTS logs_events_stream ON logs_events (stream, ts, id)');
    store.db.exec('CREATE INDEX IF NOT EXISTS logs_events_group ON logs_events (grp, ts, id)');
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  /** The next gid or sid (call inside a transaction). */
  nextId(): number {
    const id = Number(this.store.meta(NEXT_ID) ?? '1');
    this.store.setMeta(NEXT_ID, String(id + 1));
    return id;
  }

  group(scope: string, name: string): GroupRecord | undefined {
    return this.groups.find({ scope, name })[0];
  }

  putGroup(group: GroupRecord): void {
    this.groups.put(group.arn, group, { scope: group.scope, name: group.name, gid: group.gid });
  }

  stream(gid: number, name: string): StreamRecord | undefined {
    return this.streams.find({ grp: gid, name })[0];
  }

  streamsOf(gid: number): StreamRecord[] {
    return this.streams.find({ grp: gid }, 'name');
  }

  putStream(stream: StreamRecord): void {
    this.streams.put(stream.arn, stream, { grp: stream.gid, name: stream.name, sid: stream.sid });
  }

  deleteStream(stream: StreamRecord): void {
    this.tx(() => {
      this.store.prepare('DELETE FROM logs_events WHERE stream = ?').run(stream.sid);
      this.streams.delete(stream.arn);
    });
  }

  deleteGroup(group: GroupRecord): void {
    this.tx(() => {
      this.store.prepare('DELETE FROM logs_events WHERE grp = ?').run(group.gid);
      for (const stream of this.streamsOf(group.gid)) this.streams.delete(stream.arn);
      this.groups.delete(group.arn);
    });
  }

  /** Stores events (already checked) in one transaction and brings the stream's figures up to date. */
  append(stream: StreamRecord, events: readonly NewEvent[], ingested: number): void {
    if (!events.length) return;
    const insert = this.store.prepare('INSERT INTO logs_events (grp, stream, ts, ingested, message) VALUES (?, ?, ?, ?, ?)');
    this.tx(() => {
      let bytes = 0;
      let first = Infinity;
      let last = -Infinity;
      for (const event of events) {
        insert.run(stream.gid, stream.sid, event.timestamp, ingested, event.message);
        bytes += Buffer.byteLength(event.message);
        first = Math.min(first, event.timestamp);
        last = Math.max(last, event.timestamp);
      }
      this.streams.modify(
        stream.arn,
        (s) => {
          s.firstEventTimestamp = Math.min(s.firstEventTimestamp ?? Infinity, first);
          s.lastEventTimestamp = Math.max(s.lastEventTimestamp ?? -Infinity, last);
          s.lastIngestionTime = ingested;
          s.storedBytes += bytes;
        },
        (s) => this.putStream(s),
      );
    });
  }

  /** Up to `limit` events of a stream after `pos`, oldest first. */
  streamAfter(sid: number, pos: Position, range: TimeRange, limit: number): EventRow[] {
    return this.store
      .prepare(`SELECT ${COLUMNS} FROM logs_events WHERE stream = ? AND (ts, id) > (?, ?) AND ts >= ? AND ts < ? ORDER BY ts, id LIMIT ?`)
      .all(sid, pos.ts, pos.id, range.from, range.to, limit) as EventRow[];
  }

  /** Up to `limit` events of a stream just before `pos`, oldest first. */
  streamBefore(sid: number, pos: Position, range: TimeRange, limit: number): EventRow[] {
    const rows = this.store
      .prepare(
        `SELECT ${COLUMNS} FROM logs_events WHERE stream = ? AND (ts, id) < (?, ?) AND ts >= ? AND ts < ? ORDER BY ts DESC, id DESC LIMIT ?`,
      )
      .all(sid, pos.ts, pos.id, range.from, range.to, limit) as EventRow[];
    return rows.reverse();
  }

  /** Up to `limit` events of a group's streams (all when `sids` is undefined) after `pos`, oldest first. */
  groupAfter(gid: number, sids: number[] | undefined, pos: Position, range: TimeRange, limit: number): EventRow[] {
    const only = sids ? ' AND stream IN (SELECT value FROM json_each(?))' : '';
    const params = sids ? [JSON.stringify(sids)] : [];
    return this.store
      .prepare(
        `SELECT ${COLUMNS} FROM logs_events WHERE grp = ? AND (ts, id) > (?, ?) AND ts >= ? AND ts < ?${only} ORDER BY ts, id LIMIT ?`,
      )
      .all(gid, pos.ts, pos.id, range.from, range.to, ...params, limit) as EventRow[];
  }

  /** Deletes a group's events older than `cutoff` and recounts the streams that lost some; returns how many went. */
  expire(group: GroupRecord, cutoff: number): number {
    return this.tx(() => {
      const touched = this.store.prepare('SELECT DISTINCT stream FROM logs_events WHERE grp = ? AND ts < ?').all(group.gid, cutoff) as {
        stream: number;
      }[];
      const { changes } = this.store.prepare('DELETE FROM logs_events WHERE grp = ? AND ts < ?').run(group.gid, cutoff);
      const figures = this.store.prepare(
        'SELECT min(ts) AS first, max(ts) AS last, coalesce(sum(length(CAST(message AS BLOB))), 0) AS bytes FROM logs_events WHERE stream = ?',
      );
      for (const { stream: sid } of touched) {
        const stream = this.streams.find({ sid })[0];
        if (!stream) continue;
        const f = figures.get(sid) as { first: number | null; last: number | null; bytes: number };
        this.putStream({
          ...stream,
          firstEventTimestamp: f.first ?? undefined,
          lastEventTimestamp: f.last ?? undefined,
          storedBytes: f.bytes,
        });
      }
      return changes;
    });
  }
}
