import type {
	Closure,
	Contact,
	ContactTopic,
	GermanLevel,
	Intake,
	Occupation,
	PlanDomain,
} from '../../src/generated/types';
import { breakdownValues } from '../../src/report/labels';
import { loadSchema } from '../../src/validation/schema-labels';

/** How often each value occurs in the simulated data (weights for `Random.weighted`), and the value lists it picks from. */

export const firstNames = [
	'Amina',
	'Omar',
	'Lina',
	'Yusuf',
	'Fatima',
	'Ali',
	'Olena',
	'Dmytro',
	'Mariam',
	'Ahmad',
	'Sara',
	'Hassan',
	'Iryna',
	'Mohammed',
	'Nour',
	'Kateryna',
	'Samir',
	'Leyla',
	'Abdi',
	'Hawa',
];
export const lastNames = [
	'Haddad',
	'Al-Hassan',
	'Kovalenko',
	'Ahmadi',
	'Yilmaz',
	'Shevchenko',
	'Mohammadi',
	'Bakr',
	'Tesfaye',
	'Osman',
	'Hussein',
	'Bondarenko',
	'Rahimi',
	'Kaya',
	'Nasser',
];
export const languages = [
	'Arabisch',
	'Ukrainisch',
	'Dari',
	'Farsi',
	'Türkisch',
	'Kurdisch',
	'Tigrinya',
	'Somali',
	'Russisch',
];
export const adultGerman: Record<GermanLevel, number> = {
	none: 10,
	literacy_course: 8,
	A1: 20,
	A2: 25,
	B1: 20,
	B2: 10,
	C1: 5,
	C2: 2,
};
export const adultOccupation: Record<Occupation, number> = {
	none: 30,
	employed_social_insurance: 13,
	marginal_employment: 8,
	self_employed: 1,
	vocational_training: 3,
	internship: 1,
	study: 1,
	school: 0,
	language_course: 22,
	childcare_at_home: 14,
	other: 7,
};
export const channels: Record<Contact['channel'], number> = {
	in_person: 45,
	phone: 25,
	whatsapp: 15,
	email: 5,
	home_visit: 7,
	video: 3,
};
/** Contact topics and plan domains in schema order (the order the picks depend on). */
export const topics = breakdownValues('topic').map((v) => v.value) as ContactTopic[];
export const domains = (
	loadSchema('common.schema.json').definitions as Record<string, { enum: PlanDomain[] }>
).planDomain.enum;
export const reasons: Record<Exclude<Closure['reason'], 'maximum_duration'>, number> = {
	self_reliant: 40,
	moved_away: 18,
	contact_lost: 15,
	client_request: 8,
	other_service: 12,
	other: 7,
};
export const residence: Record<Intake['residence']['status'], number> = {
	refugee_protection: 38,
	subsidiary_protection: 18,
	ukraine_temporary_protection: 25,
	asylum_entitlement: 5,
	deportation_ban: 5,
	humanitarian_other: 5,
	settlement_permit: 2,
	other: 2,
};
