import * as create from './create.operation';
import * as get from './get.operation';
import * as reassign from './reassign.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import { resourceProperties } from '../operation';

export { create, get, reassign, search, update };

export const description = resourceProperties(
	'case',
	'create',
	[
		{
			name: 'Create From Intake',
			value: 'create',
			action: 'Create a case from an intake',
			description: 'Create a case from an intake and route it to the responsible manager',
		},
		{ name: 'Get', value: 'get', action: 'Get a case' },
		{
			name: 'Reassign',
			value: 'reassign',
			action: 'Reassign a case',
			description: 'Hand a case to another manager in the district',
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search cases',
			description: "Find cases within the actor's scope",
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a case',
			description:
				'Change master data, current state or record the justification for counselling beyond 3 years',
		},
	],
	{ create, get, reassign, search, update },
);
