import { documentWrite, type Operation } from '../operation';

/** Create and continue take the same fields; only the core call differs. */
export function planWrite(operation: 'create' | 'continue'): Operation {
	return documentWrite({
		resource: 'plan',
		operation,
		document: ['plan', 'Plan', 'The integration plan as JSON, validated against plan.schema.json'],
		expectedVersion: 'optional',
		write: operation === 'create' ? 'createPlan' : 'continuePlan',
	});
}
