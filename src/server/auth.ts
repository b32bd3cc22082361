/**
 * Writes need the server's token as `Authorization: Bearer TOKEN`. The
 * check runs on request (before the body is read), so an unauthorised
 * upload costs nothing.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { onRequestHookHandler } from 'fastify';
import { errorBody } from './errors.js';

/** GREATGAME_TOKEN when set, else a fresh random one (the serve command prints it). */
export function writeToken(env: NodeJS.ProcessEnv): { token: string; fromEnv: boolean } {
  const fromEnv = env.GREATGAME_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, fromEnv: true };
  return { token: randomBytes(24).toString('base64url'), fromEnv: false };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function requireToken(token: string): onRequestHookHandler {
  return (request, reply, done) => {
    const header = request.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m || !same(m[1] ?? '', token)) {
      reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send(
          errorBody(
            401,
            header
              ? 'authorization: the token is wrong'
              : 'authorization: this endpoint writes and needs "Authorization: Bearer TOKEN" (the token the server printed, or GREATGAME_TOKEN)',
            'authorization',
          ),
        );
      return;
    }
    done();
  };
}
