import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { forEachItem, type ItemResult } from '../helpers/output';
import { parallelRequests } from './parallel';
import { vtigerClient } from '../helpers/client';
import type { VtigerClient } from '../transport/client';
import * as comment from './comment/Comment.resource';
import * as custom from './custom/Custom.resource';
import * as document from './document/Document.resource';
import * as inventory from './inventory/Inventory.resource';
import * as lead from './lead/Lead.resource';
import * as moduleResource from './module/Module.resource';
import * as query from './query/Query.resource';
import * as record from './record/Record.resource';
import * as related from './related/Related.resource';
import * as session from './session/Session.resource';
import * as user from './user/User.resource';

type Operation = (
	ctx: IExecuteFunctions,
	client: VtigerClient,
	itemIndex: number,
) => Promise<ItemResult>;

const operations: Record<
	string,
	Record<string, { execute: Operation; runsItemsInParallel?: boolean }>
> = {
	record: {
		create: record.create,
		get: record.get,
		getAll: record.getAll,
		update: record.update,
		upsert: record.upsert,
		delete: record.delete,
		count: record.count,
	},
	related: {
		listTypes: related.listTypes,
		getAll: related.getAll,
		query: related.query,
		add: related.add,
	},
	comment: { add: comment.add, getAll: comment.getAll },
	document: { upload: document.upload, download: document.download },
	lead: { convert: lead.convert },
	inventory: { create: inventory.create, get: inventory.get, update: inventory.update },
	custom: { call: custom.call },
	query: { run: query.run },
	module: { list: moduleResource.list, describe: moduleResource.describe },
	user: { getCurrent: user.getCurrent },
	session: { login: session.login, logout: session.logout, extend: session.extend },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const client = vtigerClient(this);
	const lanes = handler.runsItemsInParallel === true ? parallelRequests(this, 0) : 1;
	return [
		await forEachItem(
			this,
			async (itemIndex, lane) => await handler.execute(this, client.onLane(lane), itemIndex),
			lanes,
		),
	];
}
