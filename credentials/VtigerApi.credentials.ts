import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { loginSettingsOf, type PlainHttpRequest } from '../nodes/Vtiger/transport/sessions/login';
import { logIn } from '../nodes/Vtiger/transport/sessions/registry';
import { DEFAULT_TIMEOUT_SECONDS, timeoutMs } from '../nodes/Vtiger/transport/timeout';
import { normaliseCrmUrl } from '../nodes/Vtiger/transport/url';

export class VtigerApi implements ICredentialType {
	name = 'vtigerApi';

	displayName = 'Vtiger CRM API';

	icon: Icon = {
		light: 'file:../nodes/Vtiger/vtiger.svg',
		dark: 'file:../nodes/Vtiger/vtiger.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-vtiger-webservice/n8n-nodes-vtiger-webservice#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'CRM URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://crm.example.com',
			description:
				'Address of your Vtiger CRM, as you open it in the browser. A trailing /index.php or /webservice.php is fine.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The Vtiger user name (login name) the workflows act as',
		},
		{
			displayName: 'Access Key',
			name: 'secretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The user's webservice access key, not the password: in Vtiger open My Preferences (click your name, top right), section User Advanced Options, field Access Key",
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the TLS certificate of the CRM cannot be verified',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description:
				'How long to wait for Vtiger to answer one request. A write that runs out of time may still have been saved by Vtiger, so it is not sent again.',
		},
		{
			displayName: 'Session Name',
			name: 'sessionName',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'hidden',
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const send: PlainHttpRequest = async (options) => await this.helpers.httpRequest(options);
		const session = await logIn(send, loginSettingsOf(credentials), {
			shared: true,
			keyWorked: Boolean(credentials.userId),
		});
		return { sessionName: session.sessionName, userId: session.userId };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			baseURL: normaliseCrmUrl(credentials.url as string),
			skipSslCertificateValidation: credentials.ignoreSslIssues === true,
			timeout: timeoutMs(credentials.timeout),
			qs: { ...requestOptions.qs, sessionName: credentials.sessionName as string },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			url: '/webservice.php',
			qs: { operation: 'listtypes' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message: 'Logged in, but Vtiger refused to list the modules of this user',
				},
			},
		],
	};
}
