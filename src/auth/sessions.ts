import { DomainError } from '../errors';
import { SystemActor } from '../access/actor';
import { staffById } from '../districts/profile';
import type { Actor, StaffMember } from '../generated/types';
import type { CoreContext, Db } from '../service/context';
import { recordRefusal, runOperation } from '../service/operation';
import type { SessionVia } from '../store/database';
import { signInSettings } from './sign-in-settings';
import { addressOf } from './throttle';
import { randomToken, requestTokenOf, tokenHash, tokenOf } from './tokens';

export type { SessionVia } from '../store/database';

/** A client of a sign-in call: its address counts failures and is recorded with the session. */
export interface SignInClient {
	address?: string | null;
}

/** A new session: the id goes into the cookie, the CSRF token into every form; neither is stored in clear. */
export interface SessionStart {
	sessionId: string;
	csrfToken: string;
	staffId: string;
	name: string;
	expiresAt: string;
}

/** A session that is still valid, with the person it belongs to as the profile names them today. */
export interface SessionInfo {
	actor: Actor;
	name: string;
	csrfToken: string;
	via: SessionVia;
	expiresAt: string;
}

/** The sign-in itself, when no person can be named as the actor (an unknown or deactivated person). */
export const signInSystem = new SystemActor('anmeldung', 'Anmeldung');

export const actorOf = (staff: StaffMember): Actor => ({
	staffId: staff.id,
	role: staff.role,
	organisationId: staff.organisationId,
});

/** An active staff member of the profile by id. */
export function activeStaff(ctx: CoreContext, staffId: string): StaffMember | undefined {
	const staff = typeof staffId === 'string' ? staffById(ctx.profile, staffId) : undefined;
	return staff && staff.active !== false ? staff : undefined;
}

const viaLabels: Record<SessionVia, string> = {
	password: 'Passwort',
	invitation: 'Einladung',
	oidc: 'Identitätsanbieter',
	proxy: 'Anmelde-Proxy',
};

/** `Sitzung begonnen (Passwort), von 192.0.2.7`: the audit detail of a new session. */
export function sessionDetail(via: SessionVia, client: SignInClient | undefined): string {
	const address = addressOf(client?.address);
	return `Sitzung begonnen (${viaLabels[via]})${address ? `, von ${address.slice(0, 64)}` : ''}`;
}

/** Stores a new session of the staff member (inside the caller's transaction). */
export async function insertSession(
	db: Db,
	ctx: CoreContext,
	staff: StaffMember,
	via: SessionVia,
	client: SignInClient | undefined,
): Promise<SessionStart> {
	const now = ctx.clock.now();
	const hours = signInSettings(ctx.profile).sessionMaxHours;
	const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
	const sessionId = randomToken();
	const session = { sessionId, csrfToken: requestTokenOf(sessionId) };
	await db
		.insertInto('staff_sessions')
		.values({
			id_hash: tokenHash(session.sessionId),
			district_id: ctx.profile.id,
			staff_id: staff.id,
			via,
			request_token_hash: tokenHash(session.csrfToken),
			created_at: now.toISOString(),
			last_seen_at: now.toISOString(),
			expires_at: expiresAt,
			ended_at: null,
			end_reason: null,
			client_address: addressOf(client?.address) ?? null,
		})
		.execute();
	return { ...session, staffId: staff.id, name: staff.name, expiresAt };
}

/** Ends the open sessions of a staff member (all, or all but one); gives back how many. */
export async function endOpenSessions(
	db: Db,
	ctx: CoreContext,
	staffId: string,
	reason: 'password_changed' | 'deactivated' | 'logout',
	keepSessionId?: string,
): Promise<number> {
	let update = db
		.updateTable('staff_sessions')
		.set({ ended_at: ctx.clock.now().toISOString(), end_reason: reason })
		.where('district_id', '=', ctx.profile.id)
		.where('staff_id', '=', staffId)
		.where('ended_at', 'is', null);
	const keep = tokenOf(keepSessionId);
	if (keep) update = update.where('id_hash', '!=', tokenHash(keep));
	const result = await update.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** Refuses someone who is not an active staff member of the profile (FORBIDDEN), with one audit row. */
export async function refuseInactive(
	ctx: CoreContext,
	staffId: unknown,
	action: string,
): Promise<never> {
	const login = typeof staffId === 'string' ? staffId.slice(0, 64) : '';
	const error = new DomainError(
		'FORBIDDEN',
		`„${login}“ ist im Kreisprofil „${ctx.profile.name}“ nicht als aktive*r Mitarbeiter*in eingetragen.`,
	);
	await recordRefusal(ctx, { staffId: login }, { action }, error);
	throw error;
}

/** A session for a person whom the district's identity provider or sign-in proxy has authenticated. */
export async function startSession(
	ctx: CoreContext,
	staffId: string,
	via: 'oidc' | 'proxy',
	client: SignInClient | undefined,
): Promise<SessionStart> {
	const action = 'auth.session.start';
	const staff = activeStaff(ctx, staffId) ?? (await refuseInactive(ctx, staffId, action));
	return runOperation(ctx, actorOf(staff), { action }, async (trx) => {
		if (via !== 'oidc' && via !== 'proxy')
			throw new DomainError(
				'VALIDATION_FAILED',
				'Eine Sitzung ohne Passwort beginnt nur nach einer Anmeldung über den Identitätsanbieter oder den Anmelde-Proxy.',
			);
		const session = await insertSession(trx, ctx, staff, via, client);
		return { result: session, detail: sessionDetail(via, client) };
	});
}
