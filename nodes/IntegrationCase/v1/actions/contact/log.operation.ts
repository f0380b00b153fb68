import { documentWrite } from '../operation';

export const { description, execute } = documentWrite({
	resource: 'contact',
	operation: 'log',
	document: [
		'contact',
		'Contact',
		'The counselling contact as JSON, validated against contact.schema.json',
	],
	write: 'logContact',
});
