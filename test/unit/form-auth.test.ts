import { authenticate, checkFormPassword, findStaff } from '../../src/forms/auth';
import type { DistrictProfile } from '../../src/generated/types';
import { emmendingen } from '../helpers/fixtures';

const profile = emmendingen();
const basic = (user: string, password: string) => ({
	authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});
const basicAuth = { mode: 'basicAuth' as const, password: 'lange-geheime-phrase' };

describe('form authentication mapped to the district profile', () => {
	it('none: acts as the configured staff member', () => {
		expect(authenticate({ mode: 'none', staffId: 'em-caritas-01' }, profile, {})).toEqual({
			ok: true,
			actor: { staffId: 'em-caritas-01', role: 'manager', organisationId: 'caritas-em' },
			name: 'Timo Quast',
		});
		expect(authenticate({ mode: 'none', staffId: 'niemand' }, profile, {})).toMatchObject({
			ok: false,
			status: 401,
		});
	});

	it('basic auth: staff id or e-mail plus the form password; asks the browser to log in otherwise', () => {
		expect(
			authenticate(basicAuth, profile, basic('em-caritas-01', 'lange-geheime-phrase')),
		).toMatchObject({ ok: true, actor: { staffId: 'em-caritas-01' } });
		expect(
			authenticate(
				basicAuth,
				profile,
				basic('Integration@Landkreis-Emmendingen.invalid', 'lange-geheime-phrase'),
			),
		).toMatchObject({
			ok: true,
			actor: { staffId: 'em-koordination', role: 'coordinator' },
		});
		const missing = authenticate(basicAuth, profile, {});
		expect(missing).toEqual({
			ok: false,
			status: 401,
			message: 'Bitte mit Kennung und Passwort anmelden.',
			headers: { 'WWW-Authenticate': 'Basic realm="Integrationsmanagement", charset="UTF-8"' },
		});
		expect(authenticate(basicAuth, profile, basic('em-caritas-01', 'falsch'))).toMatchObject({
			ok: false,
			status: 401,
			message: 'Kennung oder Passwort ist falsch.',
		});
		expect(
			authenticate(basicAuth, profile, basic('unbekannt', 'lange-geheime-phrase')),
		).toMatchObject({ ok: false, message: 'Kennung oder Passwort ist falsch.' });
		expect(authenticate(basicAuth, profile, { authorization: 'Bearer abc' })).toMatchObject({
			ok: false,
			status: 401,
		});
		// An empty configured password never lets anyone in.
		expect(
			authenticate({ mode: 'basicAuth', password: '' }, profile, basic('em-caritas-01', '')),
		).toMatchObject({ ok: false });
	});

	it('trusted header: the proxy names the staff member; without the header or for unknown people it is 401', () => {
		const config = { mode: 'trustedHeader' as const, headerName: 'X-Remote-User' };
		expect(authenticate(config, profile, { 'x-remote-user': 'em-lra-01' })).toMatchObject({
			ok: true,
			actor: { staffId: 'em-lra-01', organisationId: 'lra-em' },
		});
		expect(authenticate(config, profile, {})).toMatchObject({
			ok: false,
			status: 401,
			message: expect.stringMatching(/X-Remote-User/),
		});
		expect(authenticate(config, profile, { 'x-remote-user': 'max.mustermann' })).toMatchObject({
			ok: false,
			status: 401,
		});
		expect(authenticate(config, profile, {})).toHaveProperty('headers', {}); // no browser login dialog behind a proxy
	});

	it('does not let inactive staff in', () => {
		const withInactive = {
			...profile,
			staff: profile.staff.map((s) => (s.id === 'em-caritas-01' ? { ...s, active: false } : s)),
		} as DistrictProfile;
		expect(findStaff(withInactive, 'em-caritas-01')).toBeUndefined();
		expect(
			authenticate({ mode: 'trustedHeader', headerName: 'x-user' }, withInactive, {
				'x-user': 'em-caritas-01',
			}),
		).toMatchObject({ ok: false, status: 401 });
	});

	it('checks the form password in the credential dialog', () => {
		expect(checkFormPassword('kurz').ok).toBe(false);
		expect(checkFormPassword('lange-geheime-phrase')).toEqual({
			ok: true,
			message: expect.stringMatching(/geeignet/),
		});
	});
});
