import { DomainError } from '../../src/errors';
import { assertTransition, isLegalTransition } from '../../src/lifecycle/case-status';
import { addDays, addYears, ageOn } from '../../src/lifecycle/dates';
import { assertCounsellingAllowed, limitsFor } from '../../src/lifecycle/duration';
import { assertReferralTransition, isReferralOverdue } from '../../src/lifecycle/referral-status';

const codeOf = (fn: () => void) => {
	try {
		fn();
		return 'ok';
	} catch (error) {
		return (error as DomainError).code;
	}
};

describe('calendar arithmetic', () => {
	it('adds years with 29 February becoming 28 February', () => {
		expect(addYears('2020-02-29', 3)).toBe('2023-02-28');
		expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
		expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
	});

	it('computes age in full years', () => {
		expect(ageOn('2007-06-15', '2025-06-14')).toBe(17);
		expect(ageOn('2007-06-15', '2025-06-15')).toBe(18);
	});
});

describe('case status transitions', () => {
	it('allows intake → active → closed and reopening, nothing else', () => {
		expect(isLegalTransition(null, 'intake')).toBe(true);
		expect(isLegalTransition('intake', 'active')).toBe(true);
		expect(isLegalTransition('active', 'closed')).toBe(true);
		expect(isLegalTransition('closed', 'active')).toBe(true);
		expect(isLegalTransition('active', 'intake')).toBe(false);
		expect(isLegalTransition(null, 'active')).toBe(false);
		expect(() => assertTransition('active', 'intake')).toThrow(
			'Ein Fall im Stand „in Beratung“ kann nicht in den Stand „Aufnahme“ wechseln.',
		);
	});
});

describe('maximum duration of counselling', () => {
	const opened = '2021-05-10';
	it('allows 3 years freely, the 4th only with a justification, nothing after 4 years', () => {
		expect(limitsFor(opened)).toEqual({ regularEnd: '2024-05-10', maximumEnd: '2025-05-10' });
		expect(codeOf(() => assertCounsellingAllowed(opened, null, '2024-05-09'))).toBe('ok');
		expect(codeOf(() => assertCounsellingAllowed(opened, null, '2024-05-10'))).toBe(
			'JUSTIFICATION_REQUIRED',
		);
		expect(
			codeOf(() =>
				assertCounsellingAllowed(opened, 'Ausbildung steht kurz vor dem Abschluss', '2025-05-09'),
			),
		).toBe('ok');
		expect(
			codeOf(() =>
				assertCounsellingAllowed(opened, 'Ausbildung steht kurz vor dem Abschluss', '2025-05-10'),
			),
		).toBe('DURATION_EXCEEDED');
	});

	it('says so in German', () => {
		expect(() => assertCounsellingAllowed(opened, null, '2024-06-01')).toThrow(
			/länger als 3 Jahre.*dokumentierte Begründung/,
		);
		expect(() => assertCounsellingAllowed(opened, 'x'.repeat(30), '2025-06-01')).toThrow(
			/endet nach höchstens 4 Jahren \(Beginn 10\.05\.2021, Ende 10\.05\.2025\)/,
		);
	});
});

describe('referral states', () => {
	it('goes open → accepted | declined → done', () => {
		expect(codeOf(() => assertReferralTransition('open', 'accepted'))).toBe('ok');
		expect(codeOf(() => assertReferralTransition('open', 'declined'))).toBe('ok');
		expect(codeOf(() => assertReferralTransition('accepted', 'done'))).toBe('ok');
		expect(codeOf(() => assertReferralTransition('declined', 'done'))).toBe('ok');
		expect(codeOf(() => assertReferralTransition('open', 'done'))).toBe('ILLEGAL_TRANSITION');
		expect(codeOf(() => assertReferralTransition('done', 'accepted'))).toBe('ILLEGAL_TRANSITION');
	});

	it('is overdue when still open after the configured number of days', () => {
		expect(isReferralOverdue('open', '2025-01-01', '2025-01-30', 30)).toBe(false);
		expect(isReferralOverdue('open', '2025-01-01', '2025-01-31', 30)).toBe(true);
		expect(isReferralOverdue('accepted', '2025-01-01', '2025-06-01', 30)).toBe(false);
	});
});
