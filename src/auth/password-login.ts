import { DomainError } from '../errors';
import { findStaff } from '../forms/auth';
import type { StaffMember } from '../generated/types';
import type { CoreContext } from '../service/context';
import { recordRefusal, runOperation } from '../service/operation';
import type { StaffAccountTable } from '../store/database';
import { dummyHash, verifyPassword } from './passwords';
import {
	actorOf,
	insertSession,
	sessionDetail,
	type SessionStart,
	type SignInClient,
} from './sessions';
import { signInSettings } from './sign-in-settings';
import {
	accountLocked,
	addressOf,
	auditLockEnd,
	clearFailures,
	countFailure,
	lockedUntil,
	throttleSubjects,
	type ThrottleSubject,
} from './throttle';

/** Records a refusal (one audit row, `detail` for the log when it must say more) and gives it back to throw. */
export async function refusal(
	ctx: CoreContext,
	claim: unknown,
	action: string,
	error: DomainError,
	detail?: string,
): Promise<DomainError> {
	await recordRefusal(ctx, claim, { action, detail }, error);
	return error;
}

export async function accountOf(
	ctx: CoreContext,
	staffId: string,
): Promise<StaffAccountTable | undefined> {
	return ctx.store.db
		.selectFrom('staff_accounts')
		.selectAll()
		.where('district_id', '=', ctx.profile.id)
		.where('staff_id', '=', staffId)
		.executeTakeFirst();
}

/** Checks a password against the stored hash, or against a dummy hash when there is none (same time either way). */
export async function passwordMatches(
	password: unknown,
	account: StaffAccountTable | undefined,
): Promise<boolean> {
	const candidate = typeof password === 'string' && password.length <= 1000 ? password : '';
	const matches = await verifyPassword(candidate, account?.password_hash ?? (await dummyHash()));
	return matches && account !== undefined;
}

/** Counts a failure for the account and the address; gives back what the audit row says about locks it set. */
export async function failureNote(ctx: CoreContext, subjects: ThrottleSubject[]): Promise<string> {
	const locks = await countFailure(ctx, signInSettings(ctx.profile), subjects);
	return locks.map((l) => `. ${l.subject.label} gesperrt ${auditLockEnd(l.until)}`).join('');
}

const authFailed = () => new DomainError('AUTH_FAILED', 'Kennung oder Passwort ist falsch.');

function whyFailed(staff: StaffMember | undefined, account: StaffAccountTable | undefined): string {
	if (!staff) return 'unbekannte oder nicht aktive Kennung';
	return account ? 'falsches Passwort' : 'noch kein Passwort gesetzt';
}

/**
 * Login with staff id or e-mail and the person's own password. A running lock of the account or the address
 * refuses even the right password (`ACCOUNT_LOCKED`); a wrong password, an unknown login and an account without
 * a password are the same `AUTH_FAILED` after the same work, and count towards the locks.
 */
export async function passwordLogin(
	ctx: CoreContext,
	login: string,
	password: string,
	client: SignInClient | undefined,
): Promise<SessionStart> {
	const action = 'auth.login';
	const given = typeof login === 'string' ? login.trim().slice(0, 320) : '';
	const attempted = given.slice(0, 64);
	const staff = given ? findStaff(ctx.profile, given) : undefined;
	const claim = staff ? actorOf(staff) : { staffId: attempted };
	const address = addressOf(client?.address);
	const from = `Anmeldung als „${attempted}“${address ? ` von ${address.slice(0, 64)}` : ''}`;
	const subjects = throttleSubjects(signInSettings(ctx.profile), staff?.id, address);
	const until = await lockedUntil(ctx, subjects);
	if (until) {
		const error = accountLocked(until);
		throw await refusal(ctx, claim, action, error, `${from}: gesperrt ${auditLockEnd(until)}`);
	}
	const account = staff ? await accountOf(ctx, staff.id) : undefined;
	// Always one scrypt run (against a dummy hash without an account), so that the time tells nothing.
	const matches = await passwordMatches(password, account);
	if (!staff || !matches) {
		const note = await failureNote(ctx, subjects);
		const detail = `${from} fehlgeschlagen (${whyFailed(staff, account)})${note}`;
		throw await refusal(ctx, claim, action, authFailed(), detail);
	}
	return runOperation(ctx, actorOf(staff), { action }, async (trx) => {
		await clearFailures(trx, ctx.profile.id, `staff:${staff.id}`);
		const session = await insertSession(trx, ctx, staff, 'password', client);
		return { result: session, detail: sessionDetail('password', client) };
	});
}
