import { caseOutput, documentWrite } from '../operation';

export const { description, execute } = documentWrite({
	resource: 'case',
	operation: 'update',
	document: [
		'changes',
		'Changes',
		'Fields to change, validated against case-update.schema.json (e.g. {"accommodation": "own_tenancy"})',
	],
	expectedVersion: 'required',
	write: async (core, actor, caseId, changes, options) =>
		caseOutput(await core.updateCase(actor, caseId, changes, options)),
});
