/**
 * @module core/events
 * The in-process event bus: every state change is published here so that the CLI, the console and
 * other services can follow it. Services never call each other over HTTP; they subscribe here or
 * call each other's index.ts.
 */
import { EventEmitter } from 'node:events';

export interface SlipwayEvent {
  /** e.g. 'ecs.task', 'ecs.service', 'ecr.push' */
  type: string;
  /** ARN or id of the resource the event is about. */
  resource: string;
  at: number;
  detail: Record<string, unknown>;
}

export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  publish(event: SlipwayEvent): void {
    this.emitter.emit('event', event);
  }
  subscribe(listener: (event: SlipwayEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
