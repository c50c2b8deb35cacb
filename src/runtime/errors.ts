/**
 * @module runtime/errors
 * Typed failures of a container runtime. Callers match by class (`instanceof NotFoundError`),
 * never by message text; the message keeps the engine's own words for logs and status reasons.
 */
export class RuntimeError extends Error {
  /** Engine HTTP status when the failure came from the engine API. */
  readonly status?: number;
  /** Driver name, stamped by the logging wrapper so a log line says which engine failed. */
  driver?: string;

  constructor(message: string, opts: { status?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.status = opts.status;
  }
}

/** The container or image does not exist. */
export class NotFoundError extends RuntimeError {}

/** The name is taken (a container with that name exists), or the object is busy. */
export class ConflictError extends RuntimeError {}

/** The driver or engine cannot do this at all (e.g. an architecture without a pause binary). */
export class UnsupportedError extends RuntimeError {}

/** An image pull failed; `message` is the engine's own text (e.g. "connection refused"). */
export class PullError extends RuntimeError {
  constructor(
    readonly image: string,
    message: string,
    opts: { status?: number; cause?: unknown } = {},
  ) {
    super(message, opts);
  }
}
