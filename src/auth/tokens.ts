import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A random secret for a link or a cookie: 32 random bytes, base64url. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** What the store keeps of a token or session id: its SHA-256, hex. */
export const tokenHash = (token: string): string =>
	createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The request token of a session, derived from its id: the page embeds it and sends it with every POST (n8n's
 * sandbox sends no cookie with those). The store keeps only its hash, so neither the cookie nor the token can be
 * read out of the store.
 */
export const requestTokenOf = (sessionId: string): string =>
	createHmac('sha256', sessionId).update('im-request-token').digest('base64url');

/** A token as it may arrive from a link or cookie: a short string of base64url characters, else nothing. */
export function tokenOf(value: unknown): string | undefined {
	return typeof value === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}
