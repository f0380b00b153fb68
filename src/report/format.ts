import { germanDate } from '../lifecycle/dates';
import type { FunderReport, ReportRow } from './report-types';

const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('de-DE', {
	style: 'percent',
	minimumFractionDigits: 1,
	maximumFractionDigits: 1,
});

/** A figure as a German reads it: `1.234`, `44,4 %`, or `–` where it cannot be given. */
export function formatFigure(
	value: number | null | undefined,
	format: ReportRow['format'],
): string {
	if (value === null || value === undefined) return '–';
	return format === 'share' ? percent.format(value) : integer.format(value);
}

export function periodText(report: FunderReport): string {
	const dates = `${germanDate(report.period.from)} – ${germanDate(report.period.to)}`;
	return report.period.label === dates ? dates : `${report.period.label} (${dates})`;
}

export function scopeText(report: FunderReport): string {
	return report.scope.organisationName
		? `nur ${report.scope.organisationName}`
		: 'alle Träger zusammengeführt';
}

/** `2026-06-01T10:00:00.000Z` → `01.06.2026, 12:00 Uhr` (German local time). */
export function generatedText(iso: string): string {
	const text = new Intl.DateTimeFormat('de-DE', {
		timeZone: 'Europe/Berlin',
		dateStyle: 'medium',
		timeStyle: 'short',
	}).format(new Date(iso));
	return `${text} Uhr`;
}
