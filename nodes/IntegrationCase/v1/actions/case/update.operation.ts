import { documentWrite } from '../operation';

export const { description, execute } = documentWrite({
	resource: 'case',
	operation: 'update',
	document: [
		'changes',
		'Changes',
		'Fields to change, validated against case-update.schema.json (e.g. {"accommodation": "own_tenancy"})',
	],
	expectedVersion: 'required',
	write: 'updateCase',
	asCase: true,
});
