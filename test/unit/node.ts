import type { INode } from 'n8n-workflow';

/** The node the pure modules name in their errors. */
export const node: INode = {
	id: 'n1',
	name: 'Vtiger',
	type: 'n8n-nodes-vtiger-webservice.vtiger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
