import type { INodeProperties } from 'n8n-workflow';

export const sessionNameField: INodeProperties = {
	displayName: 'Session Name',
	name: 'sessionName',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		"A session from Session > Login; empty means the session this node's credential uses",
};
