import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The district's identity provider for single sign-on to the form pages (OpenID Connect, authorization code
 * with PKCE). The staff member is found by a claim of the ID token (e-mail or preferred username) in the
 * district profile. The test fetches the provider's discovery document.
 */
export class DistrictIdentityProviderApi implements ICredentialType {
	name = 'districtIdentityProviderApi';

	displayName = 'District Identity Provider (OpenID Connect)';

	icon: Icon = {
		light: 'file:districtIdentityProvider.svg',
		dark: 'file:districtIdentityProvider.dark.svg',
	};

	documentationUrl =
		'https://github.com/integrationsmanagement-bw/n8n-nodes-integrationsmanagement/blob/main/docs/signin.md#anmeldung-über-den-identitätsanbieter-des-kreises-openid-connect';

	properties: INodeProperties[] = [
		{
			displayName: 'Issuer URL',
			name: 'issuer',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://login.landkreis-beispiel.de/realms/kreis',
			description:
				'Issuer identifier of the identity provider, exactly as in its discovery document (https; http only for localhost)',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Client ID under which the form pages are registered at the identity provider',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Secret of a confidential client. Leave empty for a public client (PKCE only).',
		},
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: 'openid email profile',
			description: 'Space-separated scopes; must contain openid',
		},
		{
			displayName: 'Staff Claim',
			name: 'staffClaim',
			type: 'options',
			options: [
				{
					name: 'E-Mail',
					value: 'email',
					description: 'Matches the e-mail of a staff member in the district profile',
				},
				{
					name: 'Preferred Username',
					value: 'preferred_username',
					description: 'Matches the staff ID or the e-mail of a staff member',
				},
			],
			default: 'email',
			description:
				'Claim of the ID token that names the staff member; only active staff members can log in',
		},
		{
			displayName: 'Allowed E-Mail Domain',
			name: 'allowedEmailDomain',
			type: 'string',
			default: '',
			placeholder: 'landkreis-beispiel.de',
			description:
				'If set, only logins with an e-mail address (claim email) in this domain are accepted',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.issuer}}',
			url: '/.well-known/openid-configuration',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'issuer',
					value: undefined,
					message:
						'Keine OpenID-Connect-Konfiguration unter dieser Aussteller-URL (kein „issuer“ im Discovery-Dokument).',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'authorization_endpoint',
					value: undefined,
					message: 'Das Discovery-Dokument nennt keinen Authorization-Endpunkt.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'token_endpoint',
					value: undefined,
					message: 'Das Discovery-Dokument nennt keinen Token-Endpunkt.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'jwks_uri',
					value: undefined,
					message: 'Das Discovery-Dokument nennt keine Signaturschlüssel (jwks_uri).',
				},
			},
		],
	};
}
