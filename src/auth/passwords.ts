import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as german from '@zxcvbn-ts/language-de';
import { DomainError } from '../errors';
import type { DistrictProfile, StaffMember } from '../generated/types';
import type { CheckedSignInSettings } from './sign-in-settings';

/** scrypt cost: N = 2^16, r = 8, p = 1 needs 128·N·r = 64 MiB per hash (memory-hard). */
const cost = { N: 65536, r: 8, p: 1 };
const keyLength = 32;
export const maxPasswordLength = 200;

function derive(password: string, salt: Buffer, params: typeof cost): Promise<Buffer> {
	const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
			error ? reject(error) : resolve(key),
		),
	);
}

/** A memory-hard hash of a password: `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, cost);
	return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
		'$',
	);
}

/** The parts of a stored hash; undefined when it is not one of ours (or its cost is out of bounds). */
export function parseHash(
	stored: string,
): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | undefined {
	const match =
		/^scrypt\$(\d{1,8})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
	if (!match) return undefined;
	const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const powerOfTwo = (N & (N - 1)) === 0;
	if (!powerOfTwo || N < 2 ** 14 || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 4)
		return undefined;
	const key = Buffer.from(match[5], 'base64');
	if (key.length < 16) return undefined;
	return { N, r, p, salt: Buffer.from(match[4], 'base64'), key };
}

/** Whether the password gives the stored hash (constant-time comparison); false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parseHash(stored);
	if (!parsed || typeof password !== 'string') return false;
	const { N, r, p, salt, key } = parsed;
	const derived = await new Promise<Buffer>((resolve, reject) =>
		scrypt(
			password.normalize('NFC'),
			salt,
			key.length,
			{ N, r, p, maxmem: 256 * N * r },
			(error, k) => (error ? reject(error) : resolve(k)),
		),
	);
	return timingSafeEqual(derived, key);
}

let dummy: Promise<string> | undefined;
/** A hash of a random password, so that an unknown login takes as long as a known one. */
export const dummyHash = (): Promise<string> =>
	(dummy ??= hashPassword(randomBytes(18).toString('base64')));

/** zxcvbn's German feedback, with some sentences worded more clearly. */
const translations = {
	...german.translations,
	warnings: {
		...german.translations.warnings,
		simpleRepeat: 'Sich wiederholende Zeichen wie „aaa“ sind leicht zu erraten.',
		extendedRepeat: 'Sich wiederholende Zeichenmuster wie „abcabcabc“ sind leicht zu erraten.',
		sequences: 'Häufige Zeichenfolgen wie „abc“ sind leicht zu erraten.',
		namesByThemselves: 'Einzelne Vor- oder Nachnamen sind leicht zu erraten.',
		commonNames: 'Häufige Vor- und Nachnamen sind leicht zu erraten.',
		userInputs:
			'Es enthält den eigenen Namen, die Kennung, die E-Mail-Adresse oder den Namen des Kreises.',
		pwned: 'Dieses Passwort wurde bei einem Datenleck im Internet veröffentlicht.',
	},
	suggestions: {
		...german.translations.suggestions,
		l33t: 'Vorhersehbare Buchstabenersetzungen wie „@“ für „a“ vermeiden.',
	},
};

let factory: ZxcvbnFactory | undefined;
function strength(): ZxcvbnFactory {
	factory ??= new ZxcvbnFactory({
		translations,
		graphs: common.adjacencyGraphs,
		dictionary: { ...common.dictionary, ...german.dictionary },
		useLevenshteinDistance: true,
	});
	return factory;
}

/** What an attacker would try first for this person: name, id, e-mail, district, and their parts. */
function personalWords(staff: StaffMember | undefined, profile: DistrictProfile): string[] {
	const whole = [staff?.name, staff?.id, staff?.email, profile.id, profile.name].filter(
		(v): v is string => typeof v === 'string' && v.length > 0,
	);
	const parts = whole.flatMap((v) => v.split(/[\s@.\-_]+/)).filter((v) => v.length >= 3);
	return [...new Set([...whole, ...parts].map((v) => v.toLowerCase()))];
}

const separators = /[\s\p{P}\p{S}]+/gu;

/**
 * Whether the password is mostly the person's own words (name, id, e-mail, district) with separators and a few
 * more characters: zxcvbn misses `name-name-2026`, so what is left without them must have 8 characters.
 */
function mostlyPersonal(password: string, words: string[]): boolean {
	const lower = password.toLowerCase();
	let rest = lower;
	for (const word of [...words].sort((a, b) => b.length - a.length))
		rest = rest.split(word).join('');
	if (rest === lower) return false;
	return [...rest.replace(separators, '')].length < 8;
}

function guessable(password: string, words: string[]): string | undefined {
	if (mostlyPersonal(password, words))
		return `Das Passwort ist zu leicht zu erraten: ${translations.warnings.userInputs} Bitte weitere, ungewöhnliche Wörter hinzufügen.`;
	const result = strength().check(password, words);
	if (result.score >= 3) return undefined;
	const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean);
	if (!hints.length)
		hints.push('Bitte ein längeres Passwort aus mehreren ungewöhnlichen Wörtern wählen.');
	return `Das Passwort ist zu leicht zu erraten: ${hints.join(' ')}`;
}

/**
 * What is wrong with a new password, in German (empty when it is acceptable): length, control characters, and
 * how easily it is guessed (zxcvbn with the German and common dictionaries and the person's own data).
 * The messages never quote the password.
 */
export function passwordProblems(
	password: string,
	context: { staff?: StaffMember; profile: DistrictProfile; settings: CheckedSignInSettings },
): string[] {
	if (typeof password !== 'string' || password.length === 0)
		return ['Bitte ein Passwort eingeben.'];
	const problems: string[] = [];
	const length = [...password].length;
	const min = context.settings.minPasswordLength;
	if (length < min)
		problems.push(`Das Passwort ist zu kurz: mindestens ${min} Zeichen (eingegeben: ${length}).`);
	if (length > maxPasswordLength)
		problems.push(`Das Passwort ist zu lang: höchstens ${maxPasswordLength} Zeichen.`);
	if (/[\u0000-\u001f\u007f-\u009f]/.test(password))
		problems.push(
			'Das Passwort enthält Steuerzeichen (z. B. einen Zeilenumbruch oder Tabulator); bitte nur sichtbare Zeichen und Leerzeichen verwenden.',
		);
	if (problems.length) return problems;
	const weak = guessable(password, personalWords(context.staff, context.profile));
	return weak ? [weak] : [];
}

/** Refuses a password that breaks the policy: `VALIDATION_FAILED` at the field `/password`. */
export function assertPasswordAcceptable(
	password: string,
	context: Parameters<typeof passwordProblems>[1],
): void {
	const problems = passwordProblems(password, context);
	if (!problems.length) return;
	throw new DomainError('VALIDATION_FAILED', problems.join(' '), {
		fieldErrors: problems.map((message) => ({ path: '/password', field: 'Passwort', message })),
	});
}
