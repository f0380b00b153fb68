import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a link or a cookie: 32 random bytes, base64url. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** What the store keeps of a token or session id: its SHA-256, hex. */
export const tokenHash = (token: string): string =>
	createHash('sha256').update(token, 'utf8').digest('hex');

/** A token as it may arrive from a link or cookie: a short string of base64url characters, else nothing. */
export function tokenOf(value: unknown): string | undefined {
	return typeof value === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}
