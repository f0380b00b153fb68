import { DomainError } from '../errors';
import type { StaffRole } from '../generated/types';
import type { CoreContext } from '../service/context';
import { runQuery } from '../service/operation';
import { openSessionCounts } from './session-lookup';

/** Sign-in state of one staff member of the profile, for the administration. */
export interface AccountStatus {
	staffId: string;
	name: string;
	role: StaffRole;
	active: boolean;
	hasPassword: boolean;
	/** End of a running lock of the account, else null. */
	lockedUntil: string | null;
	/** Expiry of the open invitation, else null. */
	invitationExpiresAt: string | null;
	openSessions: number;
}

async function stateByStaff(ctx: CoreContext) {
	const db = ctx.store.db;
	const district = ctx.profile.id;
	const now = ctx.clock.now().toISOString();
	const [accounts, invitations, locks, sessions] = await Promise.all([
		db
			.selectFrom('staff_accounts')
			.select('staff_id')
			.where('district_id', '=', district)
			.execute(),
		db
			.selectFrom('staff_invitations')
			.select(['staff_id', 'expires_at'])
			.where('district_id', '=', district)
			.where('used_at', 'is', null)
			.where('revoked_at', 'is', null)
			.where('expires_at', '>', now)
			.execute(),
		db
			.selectFrom('login_throttle')
			.select(['subject', 'locked_until'])
			.where('district_id', '=', district)
			.where('subject', 'like', 'staff:%')
			.where('locked_until', '>', now)
			.execute(),
		openSessionCounts(ctx),
	]);
	return {
		withPassword: new Set(accounts.map((a) => a.staff_id)),
		invitation: new Map(invitations.map((i) => [i.staff_id, i.expires_at])),
		lock: new Map(locks.map((l) => [l.subject.slice('staff:'.length), l.locked_until])),
		sessions,
	};
}

/** Every staff member of the profile with their sign-in state (admin or the installation itself). */
export function accounts(ctx: CoreContext, by: unknown): Promise<AccountStatus[]> {
	return runQuery(ctx, by, { action: 'auth.accounts' }, async (_db, actor) => {
		if (actor.role !== 'admin' && actor.role !== 'system')
			throw new DomainError(
				'FORBIDDEN',
				'Die Übersicht der Anmeldekonten sieht nur die Administration.',
			);
		const state = await stateByStaff(ctx);
		const result = ctx.profile.staff.map((s) => ({
			staffId: s.id,
			name: s.name,
			role: s.role,
			active: s.active !== false,
			hasPassword: state.withPassword.has(s.id),
			lockedUntil: state.lock.get(s.id) ?? null,
			invitationExpiresAt: state.invitation.get(s.id) ?? null,
			openSessions: state.sessions.get(s.id) ?? 0,
		}));
		return { result, detail: `${result.length} Anmeldekonten gelesen` };
	});
}
