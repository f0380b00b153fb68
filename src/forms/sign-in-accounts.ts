import { DomainError, httpStatusOf } from '../errors';
import { header } from './auth';
import { gatePage, gatePost, type GateConfig } from './gate';
import { formFields, type FormRequest, type FormResponse } from './http';
import { germanTime, signInPage, type AccountRow } from './sign-in-pages';

const roleNames: Record<string, string> = {
	manager: 'Integrationsmanager*in',
	coordinator: 'Koordination',
	admin: 'Administration',
};

type AccountStatus = Awaited<ReturnType<GateConfig['core']['signIn']['accounts']>>[number];

function accountRow(account: AccountStatus): AccountRow {
	const sessions = account.openSessions;
	const state = !account.active
		? 'deaktiviert'
		: account.lockedUntil
			? `gesperrt bis ${germanTime(account.lockedUntil)}`
			: account.hasPassword
				? 'Passwort gesetzt'
				: account.invitationExpiresAt
					? `eingeladen (bis ${germanTime(account.invitationExpiresAt)})`
					: 'noch kein Zugang';
	return {
		staffId: account.staffId,
		name: account.name,
		role: roleNames[account.role] ?? account.role,
		active: account.active,
		state,
		sessions:
			sessions === 0 ? '–' : sessions === 1 ? '1 offene Sitzung' : `${sessions} offene Sitzungen`,
		inviteLabel: account.hasPassword ? 'Neues Passwort (Einladung)' : 'Einladungslink erstellen',
	};
}

/** Administration only: every staff member of the profile with their account, and a button for an invitation. */
export async function accountsPage(
	config: GateConfig,
	request: FormRequest,
): Promise<FormResponse> {
	const gate = await gatePage(config, request);
	if (!gate.ok) return gate.response;
	const { visitor } = gate;
	const title = 'Konten der Mitarbeitenden';
	const nav = {
		csrf: visitor.csrfToken,
		back: '?',
		password: visitor.via === 'password' || visitor.via === 'invitation',
	};
	try {
		const accounts = await config.core.signIn.accounts(visitor.actor);
		return signInPage(
			200,
			{
				title,
				districtName: config.core.context.profile.name,
				actorName: visitor.name,
				accounts: { csrf: visitor.csrfToken, rows: accounts.map(accountRow) },
				nav,
			},
			gate.cookies,
		);
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return signInPage(httpStatusOf(error), {
			title,
			actorName: visitor.name,
			errorMessage: error.message,
			nav,
		});
	}
}

/** The absolute address of this form, for a link someone opens elsewhere. */
function formUrl(config: GateConfig, request: FormRequest): string {
	if (config.formUrl) return config.formUrl;
	const host = header(request.headers, 'host') ?? 'localhost';
	return `${request.secure ? 'https' : 'http'}://${host}${request.path ?? ''}`;
}

/** POST `?auth=invite`: a new invitation link, shown once to the admin who made it. */
export async function invitationCreatedPage(
	config: GateConfig,
	request: FormRequest,
): Promise<FormResponse> {
	const fields = formFields(request.body);
	const gate = await gatePost(config, request, fields.csrf);
	if (!gate.ok) return gate.response;
	const { visitor } = gate;
	const title = 'Einladungslink';
	const nav = { csrf: visitor.csrfToken, back: '?auth=accounts' };
	try {
		const invited = await config.core.signIn.invite(visitor.actor, fields.staffId ?? '');
		const url = `${formUrl(config, request)}?auth=invitation&token=${encodeURIComponent(invited.token)}`;
		return signInPage(200, {
			title,
			districtName: config.core.context.profile.name,
			actorName: visitor.name,
			invitation: { name: invited.name, url, until: germanTime(invited.expiresAt) },
			nav,
		});
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		return signInPage(httpStatusOf(error), {
			title,
			actorName: visitor.name,
			errorMessage: error.message,
			nav,
		});
	}
}
