// The TOTP second factor (RFC 6238, 6 digits, 30 s, SHA-1: what authenticator apps expect), with
// the clock passed in so that tests and the lock-out logic share one notion of "now".
import { generate, generateSecret, generateURI, verify } from 'otplib';

const ISSUER = 'Talapker';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(login: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: login, secret });
}

/**
 * The time step a code belongs to when it is valid now (one step of clock drift either way), or
 * null. Codes at or before `afterStep` are refused, so a code seen once cannot be replayed.
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const r = await verify({
      secret,
      token,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: 30,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return r.valid && 'timeStep' in r ? r.timeStep : null;
  } catch {
    // A corrupt stored secret refuses the code rather than failing the request.
    return null;
  }
}

/** The code an authenticator shows at `now` (tests and the test-support sign-in use it). */
export function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
