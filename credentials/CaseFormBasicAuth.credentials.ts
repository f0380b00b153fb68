import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The password of a Case Form Trigger with Basic Auth. The user name is not stored here: whoever logs in
 * types their staff ID or e-mail from the district profile, and the form acts as that staff member.
 */
export class CaseFormBasicAuth implements ICredentialType {
	name = 'caseFormBasicAuth';

	displayName = 'Case Form Basic Auth';

	icon: Icon = { light: 'file:caseFormBasicAuth.svg', dark: 'file:caseFormBasicAuth.dark.svg' };

	documentationUrl =
		'https://github.com/integrationsmanagement-bw/n8n-nodes-integrationsmanagement/blob/main/docs/forms.md#authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Password for the form page. The user name is the staff ID or e-mail of the district profile.',
		},
		{
			displayName: 'Realm',
			name: 'realm',
			type: 'string',
			default: 'Integrationsmanagement',
			description: 'Name the browser shows in its login dialog',
		},
	];
}
