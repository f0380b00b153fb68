import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The district's single sign-on reverse proxy in front of n8n: it authenticates every request, passes the staff
 * ID or e-mail in one header and a shared secret in another. Without the secret a request is refused, so that
 * nobody can name a person by sending the header straight to n8n.
 */
export class CaseFormTrustedProxyApi implements ICredentialType {
	name = 'caseFormTrustedProxyApi';

	displayName = 'Case Form Trusted Proxy';

	icon: Icon = {
		light: 'file:caseFormTrustedProxy.svg',
		dark: 'file:caseFormTrustedProxy.dark.svg',
	};

	documentationUrl =
		'https://github.com/integrationsmanagement-bw/n8n-nodes-integrationsmanagement/blob/main/docs/signin.md#anmelde-proxy-des-kreises-trusted-header';

	properties: INodeProperties[] = [
		{
			displayName: 'User Header',
			name: 'userHeader',
			type: 'string',
			default: 'X-Remote-User',
			required: true,
			description:
				'Header in which the proxy passes the staff ID or e-mail of the signed-in person. The proxy must remove it from client requests.',
		},
		{
			displayName: 'Verification Header',
			name: 'verificationHeader',
			type: 'string',
			default: 'X-Proxy-Secret',
			required: true,
			description: 'Header in which the proxy sends the shared secret with every request',
		},
		{
			displayName: 'Proxy Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Random secret of at least 24 characters, set both here and in the proxy configuration',
		},
	];
}
