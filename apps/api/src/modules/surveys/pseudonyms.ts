import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Keyed pseudonym of a dossier (HMAC-SHA256 with the server secret): the same dossier always gives the same
 * bytes, so a survey response can be linked to "the dossier it was issued for" by whoever holds the key, but an
 * analyst holding the data cannot compute it from a dossier id.
 */
export function dossierPseudonym(secret: string, provinceUnitId: string, dossierId: string): Buffer {
  return createHmac('sha256', secret).update(`dossier|${provinceUnitId}|${dossierId}`).digest();
}

/** A traffic source for one day: HMAC of the address and the day. Not reversible, and unlinkable across days. */
export function sourceHash(secret: string, ip: string, day: string): Buffer {
  return createHmac('sha256', secret).update(`source|${ip}|${day}`).digest();
}

/** A new single-use survey token (URL-safe, 128 bits of randomness) and the hash that is stored. */
export function newSurveyToken(): { token: string; hash: Buffer } {
  const token = randomBytes(16).toString('base64url');
  return { token, hash: surveyTokenHash(token) };
}

export function surveyTokenHash(token: string): Buffer {
  return createHash('sha256').update(`survey-token|${token}`).digest();
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** SHA-256 of a payload's canonical JSON (keys sorted, undefined dropped): equal payloads, equal hashes. */
export function payloadHash(payload: unknown): Buffer {
  return createHash('sha256')
    .update(JSON.stringify(canonical(payload)))
    .digest();
}

/** The public path of a survey token, printed as a QR code on the receipt. */
export function surveyPath(token: string): string {
  return `/khao-sat/${token}`;
}
