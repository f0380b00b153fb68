/** Password policy (German messages) and the memory-hard hash (src/auth/passwords.ts). */
import {
	assertPasswordAcceptable,
	hashPassword,
	parseHash,
	passwordProblems,
	verifyPassword,
} from '../../src/auth/passwords';
import { signInSettings } from '../../src/auth/sign-in-settings';
import { emmendingen, thrownError } from '../helpers/fixtures';
import { passwords } from '../helpers/staff-accounts';

const profile = emmendingen();
const staff = profile.staff.find((s) => s.id === 'em-koordination')!;
const context = { staff, profile, settings: signInSettings(profile) };
const problems = (password: string) => passwordProblems(password, context);

describe('password policy', () => {
	it('accepts long, unusual passphrases', () => {
		for (const password of Object.values(passwords)) expect(problems(password)).toEqual([]);
	});

	it('names a password that is too short, too long or has control characters, in German', () => {
		expect(problems('Kurz-7x!')).toEqual([
			'Das Passwort ist zu kurz: mindestens 12 Zeichen (eingegeben: 8).',
		]);
		expect(problems('ä'.repeat(11))).toEqual([
			'Das Passwort ist zu kurz: mindestens 12 Zeichen (eingegeben: 11).',
		]);
		expect(problems(`${passwords.a}${'x'.repeat(200)}`)).toEqual([
			'Das Passwort ist zu lang: höchstens 200 Zeichen.',
		]);
		expect(problems(`${passwords.a}\n`)).toEqual([
			'Das Passwort enthält Steuerzeichen (z. B. einen Zeilenumbruch oder Tabulator); bitte nur sichtbare Zeichen und Leerzeichen verwenden.',
		]);
		expect(problems('')).toEqual(['Bitte ein Passwort eingeben.']);
	});

	it('takes the minimum length from the profile', () => {
		const strict = { ...context, settings: { ...context.settings, minPasswordLength: 40 } };
		expect(passwordProblems(passwords.a, strict)).toEqual([
			'Das Passwort ist zu kurz: mindestens 40 Zeichen (eingegeben: 30).',
		]);
	});

	it('refuses common passwords and the person’s own data with a German hint', () => {
		for (const weak of ['passwort12345', 'Passwort123!', 'qwertzuiopü1', 'aaaaaaaaaaaa']) {
			const [message] = problems(weak);
			expect(message).toMatch(/^Das Passwort ist zu leicht zu erraten: \S/);
			expect(message).not.toContain(weak);
		}
		for (const personal of ['miriam-rapp-2026', 'em-koordination!', 'Emmendingen-Rapp-1']) {
			expect(problems(personal)).toEqual([
				'Das Passwort ist zu leicht zu erraten: Es enthält den eigenen Namen, die Kennung, die E-Mail-Adresse oder den Namen des Kreises. Bitte weitere, ungewöhnliche Wörter hinzufügen.',
			]);
		}
	});

	it('is a VALIDATION_FAILED at the field /password', () => {
		const error = thrownError(() => assertPasswordAcceptable('passwort12345', context));
		expect(error.code).toBe('VALIDATION_FAILED');
		expect(error.fieldErrors).toEqual([
			{ path: '/password', field: 'Passwort', message: error.message },
		]);
	});
});

describe('password hash', () => {
	it('is scrypt with N = 2^16, r = 8, p = 1, a random salt, and verifies only the password', async () => {
		const [one, two] = await Promise.all([hashPassword(passwords.a), hashPassword(passwords.a)]);
		expect(one).toMatch(/^scrypt\$65536\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
		expect(one).not.toBe(two);
		expect(parseHash(one)).toMatchObject({ N: 65536, r: 8, p: 1 });
		await expect(verifyPassword(passwords.a, one)).resolves.toBe(true);
		await expect(verifyPassword(passwords.a, two)).resolves.toBe(true);
		await expect(verifyPassword(passwords.b, one)).resolves.toBe(false);
		await expect(verifyPassword(`${passwords.a} `, one)).resolves.toBe(false);
	}, 30_000);

	it('treats a malformed or too cheap stored hash as no match', async () => {
		await expect(verifyPassword('x', 'klartext')).resolves.toBe(false);
		await expect(
			verifyPassword('x', 'scrypt$1024$8$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA=='),
		).resolves.toBe(false);
		expect(parseHash('scrypt$65535$8$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==')).toBeUndefined();
	});
});
