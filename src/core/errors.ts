/**
 * @module core/errors
 * The one error type a handler or controller throws for anything a client should see.
 * `code` is the model's exception shape name (JSON protocols) or the short query code (ELBv2);
 * the protocol serializer renders it. Anything else reaching the edge is an InternalFailure.
 */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly senderFault: boolean;
  /** Extra members some errors carry (e.g. ECR's registryId). */
  readonly fields?: Record<string, unknown>;

  constructor(code: string, message: string, opts: { status?: number; fields?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.status = opts.status ?? 400;
    this.senderFault = this.status < 500;
    this.fields = opts.fields;
  }
}

/** Thrown by a controller for a failure that retrying cannot fix: logged, recorded, not requeued. */
export class TerminalError extends Error {
  constructor(
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'TerminalError';
  }
}
