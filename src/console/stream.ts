/**
 * @module console/stream
 * The console's one live feed: every event the rooms publish on the bus, as server-sent events.
 *
 * Each event gets an id `<epoch>.<seq>`; the epoch is new each time Slipway starts. A browser that
 * reconnects (EventSource does so by itself) sends the last id it saw: when it is of this epoch and
 * still in the recent-events ring, the missed events are replayed; otherwise the stream opens with a
 * `resync` event and the page reloads what it shows. A comment line every 15 s keeps proxies and
 * the browser from timing the connection out.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus, SlipwayEvent } from '../core/events.ts';
import { header } from '../protocol/http.ts';

const RING = 2000;
const HEARTBEAT_MS = 15_000;
/** How long the browser waits before reconnecting, e.g. while Slipway restarts. */
const RETRY_MS = 1000;

export class ConsoleStream {
  readonly epoch = randomBytes(4).toString('hex');
  private seq = 0;
  /** The last RING events, by seq % RING; each serialised only when a browser first needs it. */
  private readonly recent: { seq: number; event: SlipwayEvent; frame?: string }[] = [];
  private readonly clients = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(bus: EventBus) {
    this.unsubscribe = bus.subscribe((event) => this.push(event));
    this.heartbeat = setInterval(() => this.broadcast(': ping\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Serves one browser's stream until it goes away. */
  serve(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n\n`);
    const missed = this.missedSince(header(req, 'last-event-id'));
    if (missed) for (const e of missed) res.write(this.frameOf(e));
    else res.write(`event: resync\nid: ${this.epoch}.${this.seq}\ndata: ${JSON.stringify({ epoch: this.epoch })}\n\n`);
    this.clients.add(res);
    const gone = () => this.clients.delete(res);
    res.on('close', gone);
    res.on('error', gone);
  }

  get connections(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  // Every write of every room passes here: with no browser open, it only keeps the event.
  private push(event: SlipwayEvent): void {
    const seq = ++this.seq;
    const entry = { seq, event };
    this.recent[seq % RING] = entry;
    if (this.clients.size) this.broadcast(this.frameOf(entry));
  }

  private frameOf(entry: { seq: number; event: SlipwayEvent; frame?: string }): string {
    entry.frame ??= `id: ${this.epoch}.${entry.seq}\ndata: ${JSON.stringify(entry.event)}\n\n`;
    return entry.frame;
  }

  private broadcast(frame: string): void {
    for (const res of this.clients) res.write(frame);
  }

  /** The events after `lastId`, or undefined when they cannot all be replayed (another epoch, or fallen out of the ring). */
  private missedSince(lastId: string | undefined): { seq: number; event: SlipwayEvent; frame?: string }[] | undefined {
    const m = /^([0-9a-f]{8})\.(\d+)$/.exec(lastId ?? '');
    if (!m || m[1] !== this.epoch) return undefined;
    const after = Number(m[2]);
    if (after > this.seq) return undefined;
    if (this.seq - after > RING) return undefined;
    const missed = [];
    for (let seq = after + 1; seq <= this.seq; seq++) missed.push(this.recent[seq % RING]!);
    return missed;
  }
}
