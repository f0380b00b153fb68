import { documentWrite } from '../operation';

export const { description, execute } = documentWrite({
	resource: 'closure',
	operation: 'close',
	document: [
		'closure',
		'Closure',
		'Reason and outcomes as JSON, validated against closure.schema.json',
	],
	expectedVersion: 'optional',
	write: 'closeCase',
	asCase: true,
});
