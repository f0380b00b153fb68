import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors';
import type { CoreContext } from '../service/context';
import type { OidcLoginTransactionTable } from '../store/database';
import type { CheckedOidcSettings } from './oidc-settings';

/** How long a begun login may take at the provider (typing password, second factor). */
export const loginLifetimeMinutes = 10;

export interface NewLoginTransaction {
	state: string;
	nonce: string;
	codeVerifier: string;
	browserBinding: string;
	returnTo: string | null;
}

const hashOf = (value: string) => createHash('sha256').update(value, 'utf8').digest('base64url');

/** Keeps a begun login on the server (and drops the ones that have expired); gives back its expiry time. */
export async function saveTransaction(
	ctx: CoreContext,
	settings: CheckedOidcSettings,
	login: NewLoginTransaction,
): Promise<string> {
	const now = ctx.clock.now();
	const expiresAt = new Date(now.getTime() + loginLifetimeMinutes * 60_000).toISOString();
	await ctx.store.db
		.deleteFrom('oidc_login_transactions')
		.where('expires_at', '<', now.toISOString())
		.execute();
	await ctx.store.db
		.insertInto('oidc_login_transactions')
		.values({
			state: login.state,
			district_id: ctx.profile.id,
			issuer: settings.issuer,
			client_id: settings.clientId,
			browser_binding_hash: hashOf(login.browserBinding),
			nonce: login.nonce,
			code_verifier: login.codeVerifier,
			return_to: login.returnTo,
			created_at: now.toISOString(),
			expires_at: expiresAt,
			used_at: null,
		})
		.execute();
	return expiresAt;
}

const refused = (message: string) => new DomainError('FORBIDDEN', message);
const restart = 'Bitte die Anmeldung über den Identitätsanbieter neu beginnen.';
const alreadyUsed = () => refused(`Diese Anmeldung wurde bereits verwendet. ${restart}`);

/**
 * Takes the begun login that a callback names by its `state`: it must exist for this district and provider, be
 * unused and unexpired, and come back to the browser that began it. Taking it uses it up, also when the login
 * fails afterwards; a second callback with the same state is refused.
 */
export async function takeTransaction(
	ctx: CoreContext,
	settings: CheckedOidcSettings,
	state: string,
	browserBinding: string | undefined,
): Promise<OidcLoginTransactionTable> {
	const row = state
		? await ctx.store.db
				.selectFrom('oidc_login_transactions')
				.selectAll()
				.where('state', '=', state)
				.where('district_id', '=', ctx.profile.id)
				.executeTakeFirst()
		: undefined;
	if (!row || row.issuer !== settings.issuer || row.client_id !== settings.clientId) {
		throw refused(`Diese Anmeldung ist unbekannt. ${restart}`);
	}
	if (row.used_at) throw alreadyUsed();
	const now = ctx.clock.now().toISOString();
	if (row.expires_at <= now) {
		throw refused(
			`Diese Anmeldung ist abgelaufen (nach ${loginLifetimeMinutes} Minuten). ${restart}`,
		);
	}
	if (
		!browserBinding ||
		!timingSafeEqual(Buffer.from(hashOf(browserBinding)), Buffer.from(row.browser_binding_hash))
	) {
		throw refused(
			'Diese Anmeldung wurde in einem anderen Browser begonnen. Bitte die Anmeldung in diesem Browser neu beginnen.',
		);
	}
	const used = await ctx.store.db
		.updateTable('oidc_login_transactions')
		.set({ used_at: now, code_verifier: '' })
		.where('state', '=', state)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	if (Number(used.numUpdatedRows) !== 1) throw alreadyUsed();
	return row;
}
