import * as continuePlan from './continue.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import { resourceProperties } from '../operation';

export { create, get };
export { continuePlan as continue };

export const description = resourceProperties(
	'plan',
	'create',
	[
		{
			name: 'Continue',
			value: 'continue',
			action: 'Continue an integration plan',
			description: 'Continue (fortschreiben) the plan as a new version',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create an integration plan',
			description: 'Create the first integration plan of a case',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an integration plan',
			description: 'Get the current or an earlier version',
		},
	],
	{ create, continue: continuePlan, get },
);
