import { HostError, type Envelope } from './envelope';
import { isRequestName, requests, type ParsedArgsOf, type RequestName, type ResultOf } from './requests';
import type { z } from './zod';

/** What a handler knows about the call besides its arguments. */
export interface CallContext {
  /** For logs: which transport delivered the call. */
  via: 'ipc' | 'http' | 'direct';
}

export type Handler<N extends RequestName> = (
  args: ParsedArgsOf<N>,
  context: CallContext,
) => Promise<ResultOf<N>> | ResultOf<N>;

export type Handlers = { [N in RequestName]: Handler<N> };

/** Where bugs (not expected failures) go. Hosts point it at their log. */
export type BugSink = (error: unknown, where: string) => void;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Validates a call from an untrusted renderer and runs its handler. Never throws: every outcome
 * is an envelope. Unknown names and bad arguments answer `invalid-args`; a HostError keeps its
 * code; anything else is a bug, reported to the sink and answered `internal`.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawArgs: unknown,
  context: CallContext,
  bugSink: BugSink = () => {},
): Promise<Envelope<unknown>> {
  if (!isRequestName(name)) {
    return {
      ok: false,
      error: { code: 'invalid-args', message: `Unknown request ${JSON.stringify(String(name)).slice(0, 100)}` },
    };
  }
  const parsed = requests[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid-args', message: `${name}: ${describeIssues(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[name] as (args: unknown, context: CallContext) => unknown;
    const value = await handler(parsed.data, context);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    if (error instanceof HostError) return { ok: false, error: error.toData() };
    bugSink(error, name);
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong in Intertitle (${name}). The details are in the log.` },
    };
  }
}
