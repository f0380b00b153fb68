import type { SessionStart } from '../../src/auth/sign-in';
import { coreSuite, type CoreSuite } from './core-suite';
import { backends } from './stores';

/** Passwords that pass the policy (zxcvbn score ≥ 3), one per person of a test. */
export const passwords = {
	a: 'Wolkenkratzer-Bergsee-Tulpe-17',
	b: 'Sternwarte-Kompass-Heidelbeere-42',
	c: 'Leuchtturm-Ahornsirup-Quitte-93',
};

export const client = { address: '192.0.2.10' };

/** Invites a staff member (as the admin of the profile) and sets their password through the invitation. */
export async function withAccount(
	suite: CoreSuite,
	staffId: string,
	password: string = passwords.a,
): Promise<SessionStart> {
	const { token } = await suite.core.signIn.invite(suite.as('em-admin'), staffId);
	return suite.core.signIn.acceptInvitation(token, password, client);
}

/** Runs a call and checks that it wrote exactly one audit row; gives back that row and the call's result or error. */
export async function auditedOnce<T>(
	suite: CoreSuite,
	call: () => Promise<T>,
): Promise<{ row: Awaited<ReturnType<CoreSuite['audit']>>[number]; result?: T; error?: unknown }> {
	const before = (await suite.audit()).length;
	let outcome: { result?: T; error?: unknown };
	try {
		outcome = { result: await call() };
	} catch (error) {
		outcome = { error };
	}
	const rows = await suite.audit();
	if (rows.length !== before + 1)
		throw new Error(`expected exactly one audit row, got ${rows.length - before}`);
	return { row: rows[before], ...outcome };
}

/** Fails when any column of any audit row contains one of the secrets. */
export async function expectNoSecretsInAudit(suite: CoreSuite, secrets: string[]): Promise<void> {
	const rows = await suite.t.store.db.selectFrom('audit_log').selectAll().execute();
	const cells = rows.flatMap((row) => Object.values(row).map((v) => String(v)));
	for (const secret of secrets.filter((s) => s.length >= 8)) {
		const leaked = cells.filter((cell) => cell.includes(secret));
		if (leaked.length) throw new Error(`a secret is in the audit log: ${leaked.length} cell(s)`);
	}
}

/** One `describe` per backend with a fresh core suite per test; `signIn` is the core's `signIn` of that test. */
export function describeStaff(
	title: string,
	body: (suite: CoreSuite, signIn: () => CoreSuite['core']['signIn']) => void,
): void {
	describe.each(backends)(title, (backend) => {
		const suite = coreSuite(backend);
		body(suite, () => suite.core.signIn);
	});
}

/** The session id and request token of each session: what must never show up in the audit log. */
export const sessionSecrets = (...sessions: SessionStart[]): string[] =>
	sessions.flatMap((session) => [session.sessionId, session.csrfToken]);
