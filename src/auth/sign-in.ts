import type { Actor } from '../generated/types';
import type { CoreContext } from '../service/context';
import { accounts } from './accounts';
import { acceptInvitation, invite, openInvitation } from './invitations';
import { changePassword } from './password-change';
import { passwordLogin } from './password-login';
import { endSession, resolveSession } from './session-lookup';
import { startSession, type SignInClient } from './sessions';

export type { AccountStatus } from './accounts';
export type { InvitationInfo, InvitationStart } from './invitations';
export type { SessionInfo, SessionStart, SessionVia, SignInClient } from './sessions';

/**
 * Personal sign-in of the staff of one district (`createCore(…).signIn`): invitations, own passwords, server-side
 * sessions, lockout. Every call is one operation of the runner with exactly one audit row (`resolveSession` only
 * when it ends the session of someone deactivated); no password, token, session id or CSRF token is ever in it.
 */
export function signInApi(ctx: CoreContext) {
	return {
		/** A one-time link for a staff member to set their password (also a reset); admin or SystemActor. */
		invite: (by: unknown, staffId: string) => invite(ctx, by, staffId),
		openInvitation: (token: string) => openInvitation(ctx, token),
		acceptInvitation: (token: string, password: string, client: SignInClient) =>
			acceptInvitation(ctx, token, password, client),
		passwordLogin: (login: string, password: string, client: SignInClient) =>
			passwordLogin(ctx, login, password, client),
		changePassword: (
			actor: Actor,
			current: string,
			next: string,
			client: SignInClient,
			keepSessionId?: string,
		) => changePassword(ctx, actor, current, next, client, keepSessionId),
		/** After the identity provider (`oidc`) or the sign-in proxy (`proxy`) has authenticated the person. */
		startSession: (staffId: string, via: 'oidc' | 'proxy', client: SignInClient) =>
			startSession(ctx, staffId, via, client),
		/** The person of a session cookie (pages), or null. */
		resolveSession: (sessionId: string) => resolveSession(ctx, { sessionId }),
		/** The person of a page's request token (POSTs: n8n's sandbox sends no cookie with them), or null. */
		resolveRequestToken: (requestToken: string) => resolveSession(ctx, { requestToken }),
		endSession: (sessionId: string) => endSession(ctx, { sessionId }),
		endSessionByToken: (requestToken: string) => endSession(ctx, { requestToken }),
		accounts: (by: unknown) => accounts(ctx, by),
	};
}

export type SignIn = ReturnType<typeof signInApi>;
