import { systemClock, today } from '../clock';
import { DomainError } from '../errors';
import { EARLIEST_EVENT_DATE, EARLIEST_EVENT_NAME } from '../lifecycle/date-checks';
import { addDays, addYears, germanDate } from '../lifecycle/dates';
import { printable } from '../text';

/** A reporting period: both days inclusive, ISO `YYYY-MM-DD`. */
export interface Period {
	from: string;
	to: string;
}

export type PeriodChoice =
	| { kind: 'explicit'; from: string; to: string }
	| { kind: 'previousQuarter' }
	| { kind: 'previousYear' }
	| { kind: 'previousMonth' };

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The period a choice means on a given day (e.g. "previous quarter" on 2026-04-01 is 2026-01-01 … 2026-03-31). */
export function resolvePeriod(choice: PeriodChoice, todayIso: string): Period {
	return checkPeriod(periodOf(choice, todayIso));
}

function periodOf(choice: PeriodChoice, todayIso: string): Period {
	const [year, month] = todayIso.split('-').map(Number);
	switch (choice.kind) {
		case 'previousQuarter': {
			const quarterStartMonth = Math.floor((month - 1) / 3) * 3 + 1;
			const to = addDays(`${year}-${pad(quarterStartMonth)}-01`, -1);
			const [y, m] = to.split('-').map(Number);
			return { from: `${y}-${pad(m - 2)}-01`, to };
		}
		case 'previousYear':
			return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
		case 'previousMonth': {
			const to = addDays(`${year}-${pad(month)}-01`, -1);
			return { from: `${to.slice(0, 7)}-01`, to };
		}
		case 'explicit':
			return { from: choice.from, to: choice.to };
	}
}

/**
 * A period of real calendar days, the start not after the end, not before the earliest case date and ending at most a
 * year after today (`todayIso`, by default the real today: a report is asked for the past or the running year).
 */
export function checkPeriod(period: Period, todayIso: string = today(systemClock)): Period {
	const valid = (d: unknown) => typeof d === 'string' && isoDate.test(d) && addDays(d, 0) === d;
	if (!valid(period.from) || !valid(period.to)) {
		throw new DomainError(
			'VALIDATION_FAILED',
			`Der Zeitraum braucht Anfang und Ende als Datum (JJJJ-MM-TT), erhalten: „${printable(String(period.from))}“ bis „${printable(String(period.to))}“.`,
			{
				fieldErrors: [
					{
						path: '/period',
						field: 'Zeitraum',
						message: 'Anfang und Ende als Datum im Format JJJJ-MM-TT angeben.',
					},
				],
			},
		);
	}
	const latestEnd = addYears(todayIso, 1);
	const message =
		period.from > period.to
			? `Der Anfang (${germanDate(period.from)}) liegt nach dem Ende (${germanDate(period.to)}).`
			: period.from < EARLIEST_EVENT_DATE
				? `Der Anfang (${germanDate(period.from)}) liegt vor ${EARLIEST_EVENT_NAME} (${germanDate(EARLIEST_EVENT_DATE)}).`
				: period.to > latestEnd
					? `Das Ende (${germanDate(period.to)}) liegt mehr als ein Jahr in der Zukunft.`
					: undefined;
	if (message)
		throw new DomainError('VALIDATION_FAILED', `Zeitraum: ${message}`, {
			fieldErrors: [{ path: '/period', field: 'Zeitraum', message }],
		});
	return { from: period.from, to: period.to };
}

/** German name of a period: "1. Quartal 2026", "Jahr 2025" or "01.02.2026 – 15.03.2026". */
export function periodLabel(period: Period): string {
	const [fy, fm, fd] = period.from.split('-').map(Number);
	const [ty, tm] = period.to.split('-').map(Number);
	const lastDayOfMonth = addDays(period.to, 1).endsWith('-01');
	if (fd === 1 && fy === ty && lastDayOfMonth) {
		if (fm === 1 && tm === 12) return `Jahr ${fy}`;
		if (tm - fm === 2 && fm % 3 === 1) return `${(fm + 2) / 3}. Quartal ${fy}`;
		if (fm === 1 && tm === 6) return `1. Halbjahr ${fy}`;
		if (fm === 7 && tm === 12) return `2. Halbjahr ${fy}`;
	}
	return `${germanDate(period.from)} – ${germanDate(period.to)}`;
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}
