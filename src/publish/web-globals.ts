/*
 * WHATWG URL and TextEncoder are globals of every host Intertitle runs on (Node, Electron,
 * Chromium). `src/` compiles without any host's library (DESIGN §2), so the small part publishing
 * needs is declared here, once, instead of hand-writing a URL parser.
 */

interface WebUrl {
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly origin: string;
  pathname: string;
  search: string;
  hash: string;
  readonly searchParams: { get(name: string): string | null; set(name: string, value: string): void; append(name: string, value: string): void };
  toString(): string;
}

declare const URL: new (input: string, base?: string) => WebUrl;
declare const TextEncoder: new () => { encode(input: string): Uint8Array };

export type { WebUrl };

/** Parses `input` (against `base`); null when it is not a URL. */
export function parseUrl(input: string, base?: string): WebUrl | null {
  try {
    return new URL(input, base);
  } catch {
    return null;
  }
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
