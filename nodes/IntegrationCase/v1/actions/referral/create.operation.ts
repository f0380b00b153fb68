import { documentWrite } from '../operation';

export const { description, execute } = documentWrite({
	resource: 'referral',
	operation: 'create',
	document: [
		'referral',
		'Referral',
		"The referral as JSON, validated against referral.schema.json; the service must be in the district's directory",
	],
	write: 'createReferral',
});
