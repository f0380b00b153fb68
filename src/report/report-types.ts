import type { Period } from './period';

export type Grouping = 'manager' | 'organisation' | 'municipality' | 'district';

/** A line of the report: an indicator, or one value of a broken-down indicator (level 1). */
export interface ReportRow {
	key: string;
	indicatorId: string;
	label: string;
	section: string | null;
	level: 0 | 1;
	/** `count`: a number; `share`: a fraction between 0 and 1 (shown as percent). */
	format: 'count' | 'share';
	periodRule: string;
}

/** Figures per row key; `null` where a figure cannot be given (no eligible persons known, share of zero). */
export type Figures = Record<string, number | null>;

export interface ReportGroup {
	id: string;
	name: string;
	/** Organisation of a manager or municipality group (name), for headers. */
	organisation: string | null;
	figures: Figures;
}

export interface FunderReport {
	reportId: string;
	name: string;
	sheetName: string;
	district: { id: string; name: string; funder: string | null };
	period: Period & { label: string };
	generatedAt: string;
	generatedBy: { staffId: string; name: string; role: string };
	/** A manager's report covers only their organisation; the coordinator's the whole district. */
	scope: { organisationId: string | null; organisationName: string | null };
	rows: ReportRow[];
	total: Figures;
	groups: Record<Exclude<Grouping, 'district'>, ReportGroup[]>;
}
