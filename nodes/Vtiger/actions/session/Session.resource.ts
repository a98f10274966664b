import type { INodeProperties } from 'n8n-workflow';

import * as extend from './extend.operation';
import * as login from './login.operation';
import * as logout from './logout.operation';

export { extend, login, logout };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Extend',
				value: 'extend',
				description: 'Check that a session is alive and keep it open',
				action: 'Extend a session',
			},
			{
				name: 'Login',
				value: 'login',
				description: 'Open a new session',
				action: 'Open a session',
			},
			{ name: 'Logout', value: 'logout', description: 'End a session', action: 'End a session' },
		],
		default: 'login',
	},
	...login.description,
	...logout.description,
	...extend.description,
];
