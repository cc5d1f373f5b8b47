/**
 * How results and errors cross a process boundary. Electron's IPC keeps only an Error's
 * message, so every request answers with an envelope instead of throwing across the wire.
 */

export const errorCodes = [
  'invalid-args',
  'not-found',
  'conflict',
  'io',
  'network',
  'auth',
  'unsupported',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorData {
  code: ErrorCode;
  /** A sentence the critic can act on; shown as is. */
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

/** An expected failure with a code: it reaches the critic through the one error reporter. */
export class HostError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'HostError';
    this.code = code;
    this.details = details;
  }

  toData(): ErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorData(value: unknown): value is ErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (errorCodes as readonly unknown[]).includes(v.code);
}

/** Checks that something that arrived over a wire is an envelope. */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok === false) return isErrorData(v.error);
  return false;
}
