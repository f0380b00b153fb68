import { sql } from 'kysely';
import { DomainError } from '../errors';
import type { CoreContext, Db } from '../service/context';
import type { CheckedSignInSettings } from './sign-in-settings';

/**
 * Failed sign-ins counted per account (`staff:<id>`) and per client address (`address:<ip>`) in the case store, so
 * that every n8n process sees the same counts. At the limit the subject is locked for `lockSeconds`; when a lock
 * has run out, the next failure counts from 1 again. Counting is one atomic upsert per subject and runs outside
 * any transaction, so that a refused operation's rollback never undoes it.
 */
export interface ThrottleSubject {
	kind: 'account' | 'address';
	subject: string;
	limit: number;
	/** What the audit row calls it: `Konto` or `Adresse 192.0.2.7`. */
	label: string;
}

export function throttleSubjects(
	settings: CheckedSignInSettings,
	staffId: string | undefined,
	address: string | null | undefined,
): ThrottleSubject[] {
	const subjects: ThrottleSubject[] = [];
	if (staffId)
		subjects.push({
			kind: 'account',
			subject: `staff:${staffId}`,
			limit: settings.lockAfterFailures,
			label: 'Konto',
		});
	const ip = addressOf(address);
	if (ip)
		subjects.push({
			kind: 'address',
			subject: `address:${ip}`,
			limit: settings.addressLockAfterFailures,
			label: `Adresse ${ip}`,
		});
	return subjects;
}

/** A client address as it is kept: trimmed, bounded, or nothing. */
export function addressOf(address: string | null | undefined): string | undefined {
	const ip = typeof address === 'string' ? address.trim().slice(0, 100) : '';
	return ip || undefined;
}

/** The latest end of a lock that is still running for any of the subjects. */
export async function lockedUntil(
	ctx: CoreContext,
	subjects: ThrottleSubject[],
): Promise<string | undefined> {
	if (!subjects.length) return undefined;
	const rows = await ctx.store.db
		.selectFrom('login_throttle')
		.select('locked_until')
		.where('district_id', '=', ctx.profile.id)
		.where(
			'subject',
			'in',
			subjects.map((s) => s.subject),
		)
		.where('locked_until', '>', ctx.clock.now().toISOString())
		.execute();
	return rows
		.map((r) => r.locked_until as string)
		.sort()
		.at(-1);
}

/** Counts one failure for each subject; gives back the locks this failure set (for the audit row). */
export async function countFailure(
	ctx: CoreContext,
	settings: CheckedSignInSettings,
	subjects: ThrottleSubject[],
): Promise<{ subject: ThrottleSubject; until: string }[]> {
	const set: { subject: ThrottleSubject; until: string }[] = [];
	for (const subject of subjects) {
		const until = await countOne(ctx, settings, subject);
		if (until) set.push({ subject, until });
	}
	return set;
}

async function countOne(
	ctx: CoreContext,
	settings: CheckedSignInSettings,
	subject: ThrottleSubject,
): Promise<string | undefined> {
	const now = ctx.clock.now();
	const at = now.toISOString();
	const runOut = sql<boolean>`login_throttle.locked_until is not null and login_throttle.locked_until <= ${at}`;
	await ctx.store.db
		.insertInto('login_throttle')
		.values({
			district_id: ctx.profile.id,
			subject: subject.subject,
			failures: 1,
			locked_until: null,
			last_failure_at: at,
		})
		.onConflict((oc) =>
			oc.columns(['district_id', 'subject']).doUpdateSet({
				failures: sql<number>`case when ${runOut} then 1 else login_throttle.failures + 1 end`,
				locked_until: sql<
					string | null
				>`case when ${runOut} then null else login_throttle.locked_until end`,
				last_failure_at: at,
			}),
		)
		.execute();
	// Exactly one failure sets the lock: the one that finds the limit reached and no lock yet.
	const until = new Date(now.getTime() + settings.lockSeconds * 1000).toISOString();
	const locked = await ctx.store.db
		.updateTable('login_throttle')
		.set({ locked_until: until })
		.where('district_id', '=', ctx.profile.id)
		.where('subject', '=', subject.subject)
		.where('failures', '>=', subject.limit)
		.where('locked_until', 'is', null)
		.executeTakeFirst();
	return Number(locked.numUpdatedRows) === 1 ? until : undefined;
}

/** Forgets the failures of a subject (after a successful sign-in or a new password). */
export async function clearFailures(db: Db, districtId: string, subject: string): Promise<void> {
	await db
		.deleteFrom('login_throttle')
		.where('district_id', '=', districtId)
		.where('subject', '=', subject)
		.execute();
}

const berlin = (options: Intl.DateTimeFormatOptions) =>
	new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', ...options });
const clockTime = berlin({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateAndTime = berlin({
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
});

/** The end of a lock as people read it (Europe/Berlin), rounded up to the minute so that it is never too early. */
function lockEnd(iso: string): Date {
	const minute = 60_000;
	return new Date(Math.ceil(new Date(iso).getTime() / minute) * minute);
}

/** `bis 01.06.2026, 12:15 Uhr`: how the audit row names the end of a lock. */
export const auditLockEnd = (iso: string) => `bis ${dateAndTime.format(lockEnd(iso))} Uhr`;

export function accountLocked(until: string): DomainError {
	return new DomainError(
		'ACCOUNT_LOCKED',
		`Zu viele fehlgeschlagene Anmeldungen. Die Anmeldung ist bis ${clockTime.format(lockEnd(until))} Uhr gesperrt.`,
		{ details: { lockedUntil: until } },
	);
}
