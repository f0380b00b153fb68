import { roleLabels } from '../access/policy';
import { DomainError, httpStatusOf } from '../errors';
import { header } from './auth';
import { gatePage, gatePost, type GateConfig, type Visitor } from './gate';
import { formFields, type FormRequest, type FormResponse } from './http';
import type { AccountNav } from './page';
import { germanTime, signInPage, type AccountRow, type SignInPage } from './sign-in-pages';

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
		role: roleLabels[account.role],
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
	return adminPage(config, visitor, { title, nav, cookies: gate.cookies }, async () => {
		const accounts = await config.core.signIn.accounts(visitor.actor);
		return { accounts: { csrf: visitor.csrfToken, rows: accounts.map(accountRow) } };
	});
}

/** An administration page for the signed-in visitor: `build` gives its part, a refusal of the core its German message. */
async function adminPage(
	config: GateConfig,
	visitor: Visitor,
	frame: { title: string; nav: AccountNav; cookies?: string[] },
	build: () => Promise<Partial<SignInPage>>,
): Promise<FormResponse> {
	const { title, nav } = frame;
	try {
		const part = await build();
		const districtName = config.core.context.profile.name;
		const page = { title, districtName, actorName: visitor.name, nav, ...part };
		return signInPage(200, page, frame.cookies);
	} catch (error) {
		if (!(error instanceof DomainError)) throw error;
		const refusal = { title, actorName: visitor.name, errorMessage: error.message, nav };
		return signInPage(httpStatusOf(error), refusal);
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
	return adminPage(config, visitor, { title, nav }, async () => {
		const invited = await config.core.signIn.invite(visitor.actor, fields.staffId ?? '');
		const url = `${formUrl(config, request)}?auth=invitation&token=${encodeURIComponent(invited.token)}`;
		return { invitation: { name: invited.name, url, until: germanTime(invited.expiresAt) } };
	});
}
