import type { INodeProperties } from 'n8n-workflow';
import { pageKinds } from '../../src/index';

/** Which page the trigger serves: a generated form or a workplace page. */
export const formProperty: INodeProperties = {
	displayName: 'Form',
	name: 'form',
	type: 'options',
	options: [
		{ name: 'Case File Change (Veränderung in Der Fallakte)', value: 'caseFileChange' },
		{ name: 'Case Page (Fallakte)', value: 'case' },
		{ name: 'Closure (Beendigung)', value: 'closure' },
		{ name: 'Contact (Beratungskontakt)', value: 'contact' },
		{ name: 'Coordinator Overview (Übersicht)', value: 'overview' },
		{ name: 'Funder Report (Auswertung)', value: 'report' },
		{ name: 'Intake (Aufnahme)', value: 'intake' },
		{ name: 'Integration Plan (Integrationsplan)', value: 'plan' },
		{ name: 'My Cases (Meine Fälle)', value: 'cases' },
		{ name: 'Reassignment (Neuzuweisung)', value: 'reassign' },
		{ name: 'Referral (Weitervermittlung)', value: 'referral' },
		{
			name: 'Referral Feedback (Rückmeldung Zur Weitervermittlung)',
			value: 'referralFeedback',
		},
		{ name: 'Reopening (Wiederaufnahme)', value: 'reopen' },
	],
	default: 'intake',
	description:
		'Which page to serve: a generated form (all but the intake are opened for a case with ?case=<case ID>), the list My Cases, the Case Page (with its plan versions as printable documents), the Coordinator Overview (open and due cases per provider and manager) or the Funder Report page (period form and XLSX/Sachbericht downloads). Keep them in one folder (formulare/…) with the default names: the pages link to each other.',
};

/** What the workflow receives from an accepted submission. */
export const outputProperty: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{
			name: 'Whole Submission',
			value: 'full',
			description:
				'The submitted data and the stored record, for follow-up steps that use them (e-mail, routing)',
		},
		{
			name: 'IDs Only',
			value: 'ids',
			description:
				'Form, case ID and number, submission ID and who submitted: no personal data in the execution',
		},
	],
	default: 'full',
	description:
		'What the workflow receives (and n8n keeps in its execution list). Choose IDs Only when no later node needs the data.',
	displayOptions: { hide: { form: [...pageKinds] } },
};
