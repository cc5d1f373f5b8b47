import { HostError } from '../contract/envelope';
import { base64url, fromHex } from './bytes';
import { utf8 } from './web-globals';

/** A Ghost Admin API key: `<id>:<secret>`, the secret in hex (Settings › Integrations). */
export interface GhostAdminKey {
  id: string;
  secret: Uint8Array;
}

export function parseGhostAdminKey(key: string): GhostAdminKey {
  const match = /^\s*([0-9a-f]{6,64}):([0-9a-f]{16,256})\s*$/i.exec(key);
  const secret = match ? fromHex(match[2]!) : null;
  if (!match || !secret) {
    throw new HostError(
      'invalid-args',
      'That is not a Ghost Admin API key. Copy the Admin API key (two parts joined by a colon, such as 6489…:a3f0…) from Ghost › Settings › Integrations › your custom integration.',
    );
  }
  return { id: match[1]!, secret };
}

/**
 * The short-lived token Ghost's Admin API takes (`Authorization: Ghost <token>`): a JWT signed
 * with HS256 using the key's secret, `kid` naming the key, audience `/admin/`, valid for five
 * minutes. A fresh one is made for every request.
 */
export function ghostToken(key: GhostAdminKey, now: Date, hmacSha256: (key: Uint8Array, data: Uint8Array) => Uint8Array): string {
  const iat = Math.floor(now.getTime() / 1000);
  const header = base64url(utf8(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: key.id })));
  const payload = base64url(utf8(JSON.stringify({ iat, exp: iat + 5 * 60, aud: '/admin/' })));
  const signature = base64url(hmacSha256(key.secret, utf8(`${header}.${payload}`)));
  return `${header}.${payload}.${signature}`;
}
