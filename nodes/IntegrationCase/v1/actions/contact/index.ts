import * as list from './list.operation';
import * as log from './log.operation';
import { resourceProperties } from '../operation';

export { list, log };

export const description = resourceProperties(
	'contact',
	'log',
	[
		{
			name: 'List',
			value: 'list',
			action: 'List counselling contacts',
			description: 'List the contacts of a case',
		},
		{
			name: 'Log',
			value: 'log',
			action: 'Log a counselling contact',
			description: 'Document one counselling contact',
		},
	],
	{ log, list },
);
