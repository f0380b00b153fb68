import { DomainError } from '../errors';
import type { StaffMember } from '../generated/types';
import type { CoreContext, Db } from '../service/context';
import { recordRefusal, runOperation, runQuery } from '../service/operation';
import type { StaffInvitationTable } from '../store/database';
import { assertPasswordAcceptable, hashPassword } from './passwords';
import {
	activeStaff,
	actorOf,
	endOpenSessions,
	insertSession,
	sessionDetail,
	signInSystem,
	type SessionStart,
	type SignInClient,
} from './sessions';
import { signInSettings } from './sign-in-settings';
import { clearFailures } from './throttle';
import { randomToken, tokenHash, tokenOf } from './tokens';

/** A new invitation: the token goes into the link and is never stored or logged in clear. */
export interface InvitationStart {
	token: string;
	staffId: string;
	name: string;
	expiresAt: string;
}

export interface InvitationInfo {
	staffId: string;
	name: string;
	expiresAt: string;
}

const invitationInvalid = () =>
	new DomainError(
		'INVITATION_INVALID',
		'Dieser Einladungslink ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte bei der Administration einen neuen anfordern.',
	);

/**
 * Invites a staff member to set their own password (admin or the installation itself). Earlier open invitations of
 * that person are revoked. For someone who already has a password it is a reset: the old password stays valid
 * until the new one is set.
 */
export function invite(ctx: CoreContext, by: unknown, staffId: string): Promise<InvitationStart> {
	return runOperation(ctx, by, { action: 'auth.invite' }, async (trx, actor) => {
		if (actor.role !== 'admin' && actor.role !== 'system')
			throw new DomainError(
				'FORBIDDEN',
				'Einladungen zur persönlichen Anmeldung kann nur die Administration erstellen.',
			);
		const staff = activeStaff(ctx, staffId);
		if (!staff)
			throw new DomainError(
				'UNKNOWN_STAFF',
				`„${String(staffId).slice(0, 64)}“ ist im Kreisprofil „${ctx.profile.name}“ nicht als aktive*r Mitarbeiter*in eingetragen.`,
			);
		const now = ctx.clock.now();
		const revoked = await trx
			.updateTable('staff_invitations')
			.set({ revoked_at: now.toISOString() })
			.where('district_id', '=', ctx.profile.id)
			.where('staff_id', '=', staff.id)
			.where('used_at', 'is', null)
			.where('revoked_at', 'is', null)
			.executeTakeFirst();
		const hours = signInSettings(ctx.profile).invitationHours;
		const expiresAt = new Date(now.getTime() + hours * 3_600_000).toISOString();
		const token = randomToken();
		await trx
			.insertInto('staff_invitations')
			.values({
				token_hash: tokenHash(token),
				district_id: ctx.profile.id,
				staff_id: staff.id,
				created_by: actor.staffId,
				created_at: now.toISOString(),
				expires_at: expiresAt,
				used_at: null,
				revoked_at: null,
			})
			.execute();
		const earlier = Number(revoked.numUpdatedRows);
		const kind = (await hasPassword(trx, ctx, staff.id))
			? 'Zurücksetzen des Passworts'
			: 'neues Konto';
		return {
			result: { token, staffId: staff.id, name: staff.name, expiresAt },
			detail: `Einladung für ${staff.id} (${kind}), gültig bis ${expiresAt}${earlier ? `; ${earlier} ältere Einladung(en) widerrufen` : ''}`,
		};
	});
}

async function hasPassword(db: Db, ctx: CoreContext, staffId: string): Promise<boolean> {
	const row = await db
		.selectFrom('staff_accounts')
		.select('staff_id')
		.where('district_id', '=', ctx.profile.id)
		.where('staff_id', '=', staffId)
		.executeTakeFirst();
	return row !== undefined;
}

/** An invitation that can still be used (unused, not revoked, not expired, person active), or a refusal. */
async function usableInvitation(
	ctx: CoreContext,
	token: string,
	action: string,
): Promise<{ row: StaffInvitationTable; staff: StaffMember }> {
	const clear = tokenOf(token);
	const row = clear
		? await ctx.store.db
				.selectFrom('staff_invitations')
				.selectAll()
				.where('token_hash', '=', tokenHash(clear))
				.where('district_id', '=', ctx.profile.id)
				.executeTakeFirst()
		: undefined;
	const usable =
		row && !row.used_at && !row.revoked_at && row.expires_at > ctx.clock.now().toISOString();
	const staff = usable ? activeStaff(ctx, row.staff_id) : undefined;
	if (row && staff) return { row, staff };
	const error = invitationInvalid();
	const detail = row ? `${error.message} (Einladung für ${row.staff_id})` : error.message;
	await recordRefusal(ctx, signInSystem, { action, detail }, error);
	throw error;
}

/** What the page of an invitation link shows: whose it is and until when it is valid. */
export async function openInvitation(ctx: CoreContext, token: string): Promise<InvitationInfo> {
	const action = 'auth.invitation.open';
	const { row, staff } = await usableInvitation(ctx, token, action);
	return runQuery(ctx, actorOf(staff), { action }, async () => ({
		result: { staffId: staff.id, name: staff.name, expiresAt: row.expires_at },
		detail: 'Einladungslink geöffnet',
	}));
}

/**
 * Sets the password of an invitation (policy checked), uses the invitation up (exactly once, also when two
 * requests race), ends the person's open sessions, clears the account's lock and starts a session.
 */
export async function acceptInvitation(
	ctx: CoreContext,
	token: string,
	password: string,
	client: SignInClient | undefined,
): Promise<SessionStart> {
	const action = 'auth.invitation.accept';
	const { row, staff } = await usableInvitation(ctx, token, action);
	const settings = signInSettings(ctx.profile);
	try {
		assertPasswordAcceptable(password, { staff, profile: ctx.profile, settings });
	} catch (error) {
		await recordRefusal(ctx, actorOf(staff), { action }, error as Error);
		throw error;
	}
	const passwordHash = await hashPassword(password);
	return runOperation(ctx, actorOf(staff), { action }, async (trx) => {
		const now = ctx.clock.now().toISOString();
		const used = await trx
			.updateTable('staff_invitations')
			.set({ used_at: now })
			.where('token_hash', '=', row.token_hash)
			.where('used_at', 'is', null)
			.where('revoked_at', 'is', null)
			.where('expires_at', '>', now)
			.executeTakeFirst();
		if (Number(used.numUpdatedRows) !== 1) throw invitationInvalid();
		await trx
			.insertInto('staff_accounts')
			.values({
				district_id: ctx.profile.id,
				staff_id: staff.id,
				password_hash: passwordHash,
				password_set_at: now,
				created_at: now,
			})
			.onConflict((oc) =>
				oc
					.columns(['district_id', 'staff_id'])
					.doUpdateSet({ password_hash: passwordHash, password_set_at: now }),
			)
			.execute();
		const ended = await endOpenSessions(trx, ctx, staff.id, 'password_changed');
		await clearFailures(trx, ctx.profile.id, `staff:${staff.id}`);
		const session = await insertSession(trx, ctx, staff, 'invitation', client);
		return {
			result: session,
			detail: `Passwort über Einladung gesetzt, ${ended} offene Sitzung(en) beendet; ${sessionDetail('invitation', client)}`,
		};
	});
}
