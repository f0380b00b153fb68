import { checkProxySecret, findStaff, proxyLogin } from '../../src/forms/auth';
import { clearCookie, cookiePath, readCookie, setCookie } from '../../src/forms/cookies';
import type { DistrictProfile } from '../../src/generated/types';
import { emmendingen } from '../helpers/fixtures';
import { TEST_PROXY } from '../helpers/sign-in';

const profile = emmendingen();

describe('form sign-in rules', () => {
	it('finds active staff by id or e-mail, case-insensitively, and nobody for blanks', () => {
		expect(findStaff(profile, 'em-koordination')?.id).toBe('em-koordination');
		expect(findStaff(profile, ' Integration@Landkreis-Emmendingen.INVALID ')?.id).toBe(
			'em-koordination',
		);
		expect(findStaff(profile, '   ')).toBeUndefined();
		const withInactive = {
			...profile,
			staff: profile.staff.map((s) => (s.id === 'em-caritas-01' ? { ...s, active: false } : s)),
		} as DistrictProfile;
		expect(findStaff(withInactive, 'em-caritas-01')).toBeUndefined();
	});

	it('takes the proxy header only together with the proxy secret', () => {
		const named = { 'x-remote-user': 'em-lra-01' };
		expect(proxyLogin(TEST_PROXY, profile, named)).toMatchObject({
			ok: false,
			attempted: 'em-lra-01',
			message: expect.stringMatching(/Proxy-Geheimnis fehlt oder ist falsch/),
		});
		const secret = { 'x-proxy-secret': TEST_PROXY.secret };
		expect(proxyLogin(TEST_PROXY, profile, { ...named, ...secret })).toMatchObject({
			ok: true,
			staff: { id: 'em-lra-01', organisationId: 'lra-em' },
		});
		expect(proxyLogin(TEST_PROXY, profile, secret)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/X-Remote-User/),
		});
		expect(
			proxyLogin(TEST_PROXY, profile, { ...secret, 'x-remote-user': 'max.mustermann' }),
		).toMatchObject({ ok: false, attempted: 'max.mustermann' });
		// A configured secret that is too short lets nobody in, not even with the same value.
		const weak = { ...TEST_PROXY, secret: 'kurz' };
		expect(proxyLogin(weak, profile, { ...named, 'x-proxy-secret': 'kurz' }).ok).toBe(false);
	});

	it('checks the proxy secret in the credential dialog', () => {
		expect(checkProxySecret('kurz').ok).toBe(false);
		expect(checkProxySecret(TEST_PROXY.secret)).toEqual({
			ok: true,
			message: expect.stringMatching(/geeignet/),
		});
	});

	it('limits the session cookie to the folder of the form paths', () => {
		expect(cookiePath('/webhook/formulare/aufnahme', 'formulare/aufnahme')).toBe(
			'/webhook/formulare/',
		);
		expect(cookiePath('/webhook/formulare/aufnahme/anmeldung', 'formulare/aufnahme')).toBe(
			'/webhook/formulare/',
		);
		expect(cookiePath('/webhook-test/formulare/kontakt', '/formulare/kontakt/')).toBe(
			'/webhook-test/formulare/',
		);
		expect(cookiePath('/webhook/aufnahme', 'aufnahme')).toBe('/webhook/aufnahme');
		expect(cookiePath('/form/intake', undefined)).toBe('/form/');
	});

	it('writes HttpOnly, SameSite=Lax cookies, Secure over https, and reads them back', () => {
		expect(setCookie('im_session', 'abc', { path: '/webhook/formulare/', secure: true })).toBe(
			'im_session=abc; Path=/webhook/formulare/; HttpOnly; SameSite=Lax; Secure',
		);
		expect(clearCookie('im_session', { path: '/p/', secure: false })).toBe(
			'im_session=; Path=/p/; HttpOnly; SameSite=Lax; Max-Age=0',
		);
		expect(readCookie({ cookie: 'a=1; im_session=xyz; b=2' }, 'im_session')).toBe('xyz');
		expect(readCookie({ cookie: 'im_session=' }, 'im_session')).toBeUndefined();
		expect(readCookie({}, 'im_session')).toBeUndefined();
	});
});
