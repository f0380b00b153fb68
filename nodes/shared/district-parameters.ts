import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import {
	loadShippedProfile,
	parseJsonParameter,
	parseProfile,
	shippedProfileIds,
	type DistrictProfile,
} from '../../src/index';

const shippedOptions: INodePropertyOptions[] = shippedProfileIds().map((id) => ({
	name: loadShippedProfile(id).name,
	value: id,
	description: `Shipped profile "${id}"`,
}));

/** District profile: one of the shipped profiles or the district's own JSON. */
export const districtProfileProperties: INodeProperties[] = [
	{
		displayName: 'District Profile',
		name: 'districtProfile',
		type: 'options',
		options: [
			...shippedOptions,
			{
				name: 'Custom (JSON)',
				value: 'custom',
				description: 'Paste a profile that follows district-profile.schema.json',
			},
		],
		default: 'emmendingen',
		description:
			'How the district organises Integrationsmanagement: organisations, staff, municipalities, services',
	},
	{
		displayName: 'Profile JSON',
		name: 'districtProfileJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { districtProfile: ['custom'] } },
		description: 'District profile as JSON (validated against district-profile.schema.json)',
	},
];

/** A person (normally the Case Form Trigger's output) or a connected system with its own token. */
export const actingAsProperty: INodeProperties = {
	displayName: 'Acting As',
	name: 'actingAs',
	type: 'options',
	options: [
		{
			name: 'Staff Member',
			value: 'staff',
			description: 'The person who signed in at the form (Actor)',
		},
		{
			name: 'Connected System',
			value: 'connectedSystem',
			description:
				"A service's system behind a JSON interface with its own token: may only record answers to referrals, never as a person named in the request",
		},
	],
	default: 'staff',
};

export const systemNameProperty: INodeProperties = {
	displayName: 'System Name',
	name: 'systemName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'Fachdienst-Portal Caritas',
	description:
		'Name of the connected system as the audit log records it (system:schnittstelle:…); one per token',
	displayOptions: { show: { actingAs: ['connectedSystem'] } },
};

/** Who acts: normally the Case Form Trigger's output. */
export const actorProperty: INodeProperties = {
	displayName: 'Actor',
	name: 'actor',
	type: 'json',
	default: '={{ $json.actor }}',
	required: true,
	description:
		'The acting staff member as JSON: {"staffId", "role", "organisationId"}. Checked against the district profile.',
};

const customCache = new Map<string, DistrictProfile>();

export function resolveProfile(choice: string, json: unknown): DistrictProfile {
	if (choice !== 'custom') return loadShippedProfile(choice);
	const text = typeof json === 'string' ? json : JSON.stringify(json ?? {});
	let profile = customCache.get(text);
	if (!profile) {
		profile = parseProfile(parseJsonParameter(text, 'Profile JSON'));
		customCache.set(text, profile);
	}
	return profile;
}
