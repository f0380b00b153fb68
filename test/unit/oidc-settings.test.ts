import { checkOidcSettings, type OidcSettings } from '../../src/auth/oidc';
import { thrownError } from '../helpers/fixtures';

const base: OidcSettings = {
	issuer: 'https://login.landkreis.example/realms/kreis',
	clientId: 'im-formulare',
	redirectUri: 'https://n8n.landkreis.example/form/oidc/callback',
	staffClaim: 'email',
};
const problem = (extra: Partial<OidcSettings>) =>
	thrownError(() => checkOidcSettings({ ...base, ...extra })).message;

describe('settings of the identity provider connection', () => {
	it('normalises scopes and the allowed domain; no secret means a public client', () => {
		expect(
			checkOidcSettings({
				...base,
				scopes: 'openid, email openid',
				allowedEmailDomain: ' @Landkreis.Example ',
			}),
		).toMatchObject({
			issuer: 'https://login.landkreis.example/realms/kreis',
			scopes: 'openid email',
			allowedEmailDomain: 'landkreis.example',
			clientSecret: undefined,
			allowHttp: false,
		});
		expect(checkOidcSettings(base).scopes).toBe('openid email profile');
		expect(checkOidcSettings({ ...base, issuer: 'http://127.0.0.1:8080' }).allowHttp).toBe(true);
	});

	it('says in German what is wrong', () => {
		expect(problem({ issuer: 'http://login.landkreis.example' })).toBe(
			'Anbindung an den Identitätsanbieter: Die Aussteller-URL (Issuer) muss mit https:// beginnen (http:// nur für einen Anbieter auf diesem Rechner, localhost).',
		);
		expect(problem({ issuer: 'login' })).toBe(
			'Anbindung an den Identitätsanbieter: Die Aussteller-URL (Issuer) „login“ ist keine gültige URL.',
		);
		expect(problem({ redirectUri: 'https://n8n.example/cb?x=1' })).toMatch(
			/Rücksprung-URL \(Redirect URI\) darf keine Abfrage/,
		);
		expect(problem({ clientId: ' ' })).toBe(
			'Anbindung an den Identitätsanbieter: Die Client-ID fehlt.',
		);
		expect(problem({ scopes: 'email profile' })).toBe(
			'Anbindung an den Identitätsanbieter: Die Scopes „email profile“ enthalten nicht „openid“.',
		);
		expect(problem({ staffClaim: 'sub' as never })).toBe(
			'Anbindung an den Identitätsanbieter: Unbekanntes Merkmal „sub“ für die Zuordnung: erlaubt sind email und preferred_username.',
		);
		expect(problem({ allowedEmailDomain: 'kreis' })).toMatch(
			/erlaubte E-Mail-Domain „kreis“ ist ungültig/,
		);
	});
});
