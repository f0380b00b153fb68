import { caseOutput, documentWrite } from '../operation';

export const { description, execute } = documentWrite({
	resource: 'closure',
	operation: 'close',
	document: [
		'closure',
		'Closure',
		'Reason and outcomes as JSON, validated against closure.schema.json',
	],
	expectedVersion: 'optional',
	write: async (core, actor, caseId, closure, options) =>
		caseOutput(await core.closeCase(actor, caseId, closure, options)),
});
