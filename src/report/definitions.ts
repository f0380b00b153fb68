import * as fs from 'node:fs';
import * as path from 'node:path';
import { DomainError } from '../errors';
import type {
	CountIndicator,
	Indicator,
	ProfileIndicator,
	ReportDefinition,
	ShareIndicator,
} from '../generated/types';
import { validateInput } from '../validation/validate';
import { assertConsistent } from '../validation/consistency';
import { jsonIdsIn, shippedFolder } from '../shipped-files';

export const DEFAULT_REPORT_ID = 'land-bw-auswertung';

/** Shipped report definitions live in `reports/` at the package root (copied to `dist/reports`). */
export const reportDir = shippedFolder('reports', `${DEFAULT_REPORT_ID}.json`);

export const isCount = (i: Indicator): i is CountIndicator => 'count' in i;
export const isShare = (i: Indicator): i is ShareIndicator => 'share' in i;
export const isProfile = (i: Indicator): i is ProfileIndicator => 'profile' in i;

export function shippedReportIds(): string[] {
	return jsonIdsIn(reportDir);
}

export function loadShippedDefinition(id: string = DEFAULT_REPORT_ID): ReportDefinition {
	if (!shippedReportIds().includes(id)) {
		throw new DomainError(
			'VALIDATION_FAILED',
			`Es gibt keine mitgelieferte Berichtsdefinition „${id}“. Vorhanden: ${shippedReportIds().join(', ')}.`,
		);
	}
	return parseDefinition(JSON.parse(fs.readFileSync(path.join(reportDir, `${id}.json`), 'utf8')));
}

/** Validates a report definition against its schema and checks that ids are unique and every share refers to a number. */
export function parseDefinition(data: unknown): ReportDefinition {
	const definition = validateInput('reportDefinition', data);
	const problems = definitionProblems(definition);
	assertConsistent(`Berichtsdefinition „${definition.name}“`, problems, 'VALIDATION_FAILED');
	return definition;
}

export function definitionProblems(definition: ReportDefinition): string[] {
	const problems: string[] = [];
	const byId = new Map<string, Indicator>();
	for (const indicator of definition.indicators) {
		if (byId.has(indicator.id)) problems.push(`Kennzahl „${indicator.id}“ ist doppelt.`);
		byId.set(indicator.id, indicator);
	}
	for (const indicator of definition.indicators.filter(isShare)) {
		for (const [role, ref] of [
			['Zähler', indicator.share.numerator],
			['Nenner', indicator.share.denominator],
		] as const) {
			const target = byId.get(ref);
			if (!target) problems.push(`${indicator.label}: ${role} „${ref}“ gibt es nicht.`);
			else if (isShare(target))
				problems.push(`${indicator.label}: ${role} „${ref}“ ist selbst ein Anteil.`);
			else if (isCount(target) && target.breakdown)
				problems.push(
					`${indicator.label}: ${role} „${ref}“ ist aufgeschlüsselt und hat keine einzelne Zahl.`,
				);
		}
	}
	return problems;
}
