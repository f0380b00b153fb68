import type { CoreContext } from '../service/context';
import { runOperation } from '../service/operation';
import type { StaffSessionTable } from '../store/database';
import { activeStaff, actorOf, signInSystem, type SessionInfo } from './sessions';
import { signInSettings } from './sign-in-settings';
import { requestTokenOf, tokenHash, tokenOf } from './tokens';

const minute = 60_000;

/** How a request names its session: the cookie's session id (pages) or the page's request token (POSTs). */
export type SessionKey = { sessionId: string } | { requestToken: string };

async function sessionRow(
	ctx: CoreContext,
	key: SessionKey,
): Promise<{ row: StaffSessionTable; requestToken: string } | undefined> {
	const byCookie = 'sessionId' in key;
	const value = tokenOf(byCookie ? key.sessionId : key.requestToken);
	if (!value) return undefined;
	const row = await ctx.store.db
		.selectFrom('staff_sessions')
		.selectAll()
		.where(byCookie ? 'id_hash' : 'request_token_hash', '=', tokenHash(value))
		.where('district_id', '=', ctx.profile.id)
		.executeTakeFirst();
	return row && { row, requestToken: byCookie ? requestTokenOf(value) : value };
}

/** Whether a session is still open: not ended, not past its absolute end, not idle for too long. */
function isLive(ctx: CoreContext, row: StaffSessionTable, now: Date): boolean {
	const idle = signInSettings(ctx.profile).sessionIdleMinutes * minute;
	return (
		row.ended_at === null &&
		row.expires_at > now.toISOString() &&
		new Date(row.last_seen_at).getTime() + idle > now.getTime()
	);
}

/**
 * The person of a session cookie, or null (no audit row) for an unknown, ended, idle or expired session. A session
 * of someone no longer active in the profile is ended at once (`deactivated`, one audit row). Marks the session as
 * used at most once a minute.
 */
export async function resolveSession(
	ctx: CoreContext,
	key: SessionKey,
): Promise<SessionInfo | null> {
	const found = await sessionRow(ctx, key);
	const now = ctx.clock.now();
	if (!found || !isLive(ctx, found.row, now)) return null;
	const { row } = found;
	const staff = activeStaff(ctx, row.staff_id);
	if (!staff) {
		await runOperation(ctx, signInSystem, { action: 'auth.session.end' }, async (trx) => {
			await trx
				.updateTable('staff_sessions')
				.set({ ended_at: now.toISOString(), end_reason: 'deactivated' })
				.where('id_hash', '=', row.id_hash)
				.where('ended_at', 'is', null)
				.execute();
			return {
				result: undefined,
				detail: `Sitzung von ${row.staff_id} beendet: im Kreisprofil nicht mehr als aktiv eingetragen`,
			};
		});
		return null;
	}
	if (now.getTime() - new Date(row.last_seen_at).getTime() >= minute) {
		await ctx.store.db
			.updateTable('staff_sessions')
			.set({ last_seen_at: now.toISOString() })
			.where('id_hash', '=', row.id_hash)
			.where('ended_at', 'is', null)
			.execute();
	}
	return {
		actor: actorOf(staff),
		name: staff.name,
		csrfToken: found.requestToken,
		via: row.via,
		expiresAt: row.expires_at,
	};
}

/** Logout: ends the session (`logout`); one audit row also for a session that was unknown or already over. */
export async function endSession(ctx: CoreContext, key: SessionKey): Promise<void> {
	const row = (await sessionRow(ctx, key))?.row;
	const staff = row ? activeStaff(ctx, row.staff_id) : undefined;
	await runOperation(
		ctx,
		staff ? actorOf(staff) : signInSystem,
		{ action: 'auth.logout' },
		async (trx) => {
			if (!row) return { result: undefined, detail: 'Abmeldung ohne bekannte Sitzung' };
			const ended = await trx
				.updateTable('staff_sessions')
				.set({ ended_at: ctx.clock.now().toISOString(), end_reason: 'logout' })
				.where('id_hash', '=', row.id_hash)
				.where('ended_at', 'is', null)
				.executeTakeFirst();
			const open = Number(ended.numUpdatedRows) === 1;
			return {
				result: undefined,
				detail: open
					? `Abmeldung von ${row.staff_id}`
					: `Abmeldung von ${row.staff_id}: Sitzung war bereits beendet`,
			};
		},
	);
}

/** How many sessions of each staff member are open right now. */
export async function openSessionCounts(ctx: CoreContext): Promise<Map<string, number>> {
	const now = ctx.clock.now();
	const rows = await ctx.store.db
		.selectFrom('staff_sessions')
		.selectAll()
		.where('district_id', '=', ctx.profile.id)
		.where('ended_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.execute();
	const counts = new Map<string, number>();
	for (const row of rows.filter((r) => isLive(ctx, r, now)))
		counts.set(row.staff_id, (counts.get(row.staff_id) ?? 0) + 1);
	return counts;
}
