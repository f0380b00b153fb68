import { resolveActor, type ResolvedActor } from '../access/actor';
import { DomainError } from '../errors';
import type { CoreContext } from '../service/context';
import { runOperation } from '../service/operation';
import { assertPasswordAcceptable, hashPassword } from './passwords';
import { accountOf, failureNote, passwordMatches, refusal } from './password-login';
import { activeStaff, endOpenSessions, type SignInClient } from './sessions';
import { signInSettings } from './sign-in-settings';
import {
	accountLocked,
	auditLockEnd,
	clearFailures,
	lockedUntil,
	throttleSubjects,
} from './throttle';

const action = 'auth.password';

function wrongCurrent(message: string): DomainError {
	return new DomainError('AUTH_FAILED', message, {
		fieldErrors: [{ path: '/currentPassword', field: 'Bisheriges Passwort', message }],
	});
}

function resolved(ctx: CoreContext, actor: unknown): ResolvedActor {
	const who = resolveActor(ctx.profile, actor);
	if (who.role === 'system')
		throw new DomainError('FORBIDDEN', 'Nur Mitarbeitende haben ein eigenes Passwort.');
	return who;
}

/** The checks before a new password is stored; each refusal is one audit row. */
async function checkChange(
	ctx: CoreContext,
	actor: unknown,
	current: string,
	next: string,
	client: SignInClient | undefined,
): Promise<{ staffId: string; oldHash: string }> {
	let who: ResolvedActor;
	try {
		who = resolved(ctx, actor);
	} catch (error) {
		throw await refusal(ctx, actor, action, error as DomainError);
	}
	const settings = signInSettings(ctx.profile);
	const subjects = throttleSubjects(settings, who.staffId, client?.address);
	const until = await lockedUntil(ctx, subjects);
	if (until)
		throw await refusal(
			ctx,
			actor,
			action,
			accountLocked(until),
			`gesperrt ${auditLockEnd(until)}`,
		);
	const account = await accountOf(ctx, who.staffId);
	if (!(await passwordMatches(current, account))) {
		const error = account
			? wrongCurrent('Das bisherige Passwort ist falsch.')
			: wrongCurrent(
					'Für Sie ist noch kein Passwort gesetzt. Bitte bei der Administration eine Einladung anfordern.',
				);
		const note = await failureNote(ctx, subjects);
		throw await refusal(ctx, actor, action, error, `${error.message}${note}`);
	}
	const staff = activeStaff(ctx, who.staffId);
	try {
		assertPasswordAcceptable(next, { staff, profile: ctx.profile, settings });
		if (next === current)
			throw new DomainError(
				'VALIDATION_FAILED',
				'Das neue Passwort muss sich vom bisherigen unterscheiden.',
				{
					fieldErrors: [
						{
							path: '/password',
							field: 'Passwort',
							message: 'Das neue Passwort muss sich vom bisherigen unterscheiden.',
						},
					],
				},
			);
	} catch (error) {
		throw await refusal(ctx, actor, action, error as DomainError);
	}
	return { staffId: who.staffId, oldHash: account!.password_hash };
}

/**
 * Changes one's own password: the current one must be right (`AUTH_FAILED`, counted like a failed login), the new
 * one must pass the policy. Ends every other open session of the person; `keepSessionId` (the session of the
 * request) stays open.
 */
export async function changePassword(
	ctx: CoreContext,
	actor: unknown,
	current: string,
	next: string,
	client: SignInClient | undefined,
	keepSessionId?: string,
): Promise<void> {
	const { staffId, oldHash } = await checkChange(ctx, actor, current, next, client);
	const passwordHash = await hashPassword(next);
	await runOperation(ctx, actor, { action }, async (trx) => {
		const now = ctx.clock.now().toISOString();
		const changed = await trx
			.updateTable('staff_accounts')
			.set({ password_hash: passwordHash, password_set_at: now })
			.where('district_id', '=', ctx.profile.id)
			.where('staff_id', '=', staffId)
			.where('password_hash', '=', oldHash)
			.executeTakeFirst();
		if (Number(changed.numUpdatedRows) !== 1)
			throw new DomainError(
				'CONFLICT',
				'Das Passwort wurde inzwischen an anderer Stelle geändert. Bitte erneut anmelden.',
			);
		const ended = await endOpenSessions(trx, ctx, staffId, 'password_changed', keepSessionId);
		await clearFailures(trx, ctx.profile.id, `staff:${staffId}`);
		return { result: undefined, detail: `Passwort geändert, ${ended} andere Sitzung(en) beendet` };
	});
}
