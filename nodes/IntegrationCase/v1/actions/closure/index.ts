import * as close from './close.operation';
import * as reopen from './reopen.operation';
import { resourceProperties } from '../operation';

export { close, reopen };

export const description = resourceProperties(
	'closure',
	'close',
	[
		{
			name: 'Close',
			value: 'close',
			action: 'Close a case',
			description: 'End the counselling with a reason and outcomes',
		},
		{
			name: 'Reopen',
			value: 'reopen',
			action: 'Reopen a case',
			description: 'Reopen a closed case',
		},
	],
	{ close, reopen },
);
