import { SystemActor } from '../../src/access/actor';
import type { Core } from '../../src/core';
import type { FormRequest } from '../../src/forms/http';
import { handleWorkplaceRequest, type PageKind } from '../../src/workplace/workplace';

const PASSWORD = 'Ein Fall nach dem anderen, mit Ruhe';

/** Signs a staff member in (invitation, own password) and gives back the session cookie. */
export async function sessionCookie(core: Core, staffId: string): Promise<string> {
	const { token } = await core.signIn.invite(new SystemActor('test', 'Test'), staffId);
	const session = await core.signIn.acceptInvitation(token, PASSWORD, {});
	return `im_session=${session.sessionId}`;
}

/** The page's text with handlebars' escapes of `=` and `&` read back. */
export const decoded = (html: string) => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

/** A GET of a workplace page through exactly the handler the Case Form Trigger calls, as a browser with the cookie. */
export const openPage = (
	core: Core,
	kind: PageKind,
	cookie: string,
	query: FormRequest['query'] = {},
) =>
	handleWorkplaceRequest(
		{ core, kind, auth: { mode: 'personal' }, formPath: `formulare/${kind}` },
		{ method: 'GET', query, headers: { cookie }, path: `/webhook/formulare/${kind}` },
	).then((r) => ({ ...r, text: decoded(String(r.body)) }));
