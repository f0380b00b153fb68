import { DomainError } from '../errors';
import type { ResolvedActor } from './actor';

/**
 * Who may do what (privacy by organisation) — every scope rule of the core is in this file:
 * - managers read and document only their own organisation's cases;
 * - the district coordinator reads every case of the district and may reassign, but documents nothing;
 * - admins manage configuration and see no case data;
 * - system actors (the Case Event Trigger) read events (ids and dates), never a case file; a connected system
 *   with the grant `referral.answer` records a service's answer to a referral and nothing else.
 */
export type CaseAction = 'read' | 'document' | 'reassign' | 'answerReferral';

interface CaseScope {
	organisation_id: string;
}

const actionLabels: Record<CaseAction, string> = {
	read: 'diese Fallakte einsehen',
	document: 'in dieser Fallakte dokumentieren',
	answerReferral: 'die Rückmeldung zu dieser Weitervermittlung eintragen',
	reassign: 'diesen Fall neu zuweisen',
};

export function mayAccessCase(actor: ResolvedActor, action: CaseAction, scope: CaseScope): boolean {
	switch (actor.role) {
		case 'manager':
			return actor.organisationId === scope.organisation_id;
		case 'coordinator':
			return action === 'read' || action === 'reassign';
		case 'system':
			// A connected system with its own token may record a service's answer, and nothing else.
			return action === 'answerReferral' && (actor.grants ?? []).includes('referral.answer');
		default:
			return false;
	}
}

export function assertCaseAccess(actor: ResolvedActor, action: CaseAction, scope: CaseScope): void {
	if (!mayAccessCase(actor, action, scope)) {
		throw new DomainError(
			'FORBIDDEN',
			`${actor.name} (${roleText(actor)}) darf ${actionLabels[action]} nicht.`,
			{
				details: { action, role: actor.role },
			},
		);
	}
}

/** Intakes are taken by managers (for their own organisation) and by the coordinator. */
export function assertMayTakeIntake(actor: ResolvedActor, routedOrganisationId: string): void {
	if (actor.role === 'coordinator') return;
	if (actor.role === 'manager' && actor.organisationId === routedOrganisationId) return;
	throw new DomainError(
		'FORBIDDEN',
		actor.role === 'manager'
			? `${actor.name} gehört nicht zum zuständigen Träger dieser Gemeinde und kann die Aufnahme nicht anlegen.`
			: `${actor.name} (${roleText(actor)}) darf keine Fälle anlegen.`,
		{ details: { role: actor.role } },
	);
}

/** Which organisation's cases a search may return; undefined = the whole district. */
export function searchScope(actor: ResolvedActor): string | undefined {
	if (actor.role === 'manager') return actor.organisationId;
	if (actor.role === 'coordinator') return undefined;
	throw new DomainError(
		'FORBIDDEN',
		`${actor.name} (${roleText(actor)}) darf keine Fallakten einsehen.`,
		{ details: { role: actor.role } },
	);
}

/**
 * Which organisation the overview of the workplace counts (open and due cases per provider and manager): the
 * coordinator the whole district (undefined), a manager the own provider — the cases they already see in their
 * list, so that a team can share its load; admins and system actors none.
 */
export function overviewScope(actor: ResolvedActor): string | undefined {
	if (actor.role === 'coordinator') return undefined;
	if (actor.role === 'manager') return actor.organisationId;
	throw new DomainError(
		'FORBIDDEN',
		`${actor.name} (${roleText(actor)}) darf die Übersicht der Fälle nicht sehen. Sie ist für die Koordination des Landkreises (ganzer Kreis) und die Integrationsmanager*innen (eigener Träger).`,
		{ details: { role: actor.role } },
	);
}

/**
 * Which organisation's figures the funder report covers (aggregates only, no personal data leaves the store):
 * the district coordinator the whole district (undefined), a manager the own organisation's cases (the figures a
 * provider reports to the district); admins and system actors none (small counts can point to persons).
 */
export function reportScope(actor: ResolvedActor): string | undefined {
	if (actor.role === 'coordinator') return undefined;
	if (actor.role === 'manager') return actor.organisationId;
	throw new DomainError(
		'FORBIDDEN',
		`${actor.name} (${roleText(actor)}) darf keine Auswertungen der Falldaten erstellen. Das darf die Koordination des Landkreises (ganzer Kreis) oder ein*e Integrationsmanager*in (eigener Träger).`,
		{ details: { role: actor.role } },
	);
}

/** Case events (ids, dates, no personal data) are polled by the installation itself, not by a person. */
export function assertMayPollEvents(actor: ResolvedActor): void {
	if (actor.role === 'system') return;
	throw new DomainError(
		'FORBIDDEN',
		`${actor.name} (${roleText(actor)}) kann Fallereignisse nicht abrufen; das tut der Case Event Trigger.`,
		{
			details: { role: actor.role },
		},
	);
}

/** German names of the roles (and of a system actor), for messages and pages. */
export const roleLabels: Record<ResolvedActor['role'], string> = {
	manager: 'Integrationsmanager*in',
	coordinator: 'Koordination',
	admin: 'Administration',
	system: 'System',
};

function roleText(actor: ResolvedActor): string {
	return roleLabels[actor.role];
}
