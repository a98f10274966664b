import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { getDocumentFolders, getFields, getOwners, getRelations } from './methods/loadOptions';
import {
	searchDocuments,
	searchFieldValues,
	searchLeads,
	searchModules,
	searchProductsAndServices,
	searchRecords,
} from './methods/listSearch';
import { getMappingColumns } from './methods/resourceMapping';

import * as comment from './actions/comment/Comment.resource';
import * as custom from './actions/custom/Custom.resource';
import * as document from './actions/document/Document.resource';
import * as inventory from './actions/inventory/Inventory.resource';
import * as lead from './actions/lead/Lead.resource';
import * as moduleResource from './actions/module/Module.resource';
import * as query from './actions/query/Query.resource';
import * as record from './actions/record/Record.resource';
import * as related from './actions/related/Related.resource';
import { router } from './actions/router';
import * as session from './actions/session/Session.resource';
import * as user from './actions/user/User.resource';

export class Vtiger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Vtiger CRM',
		name: 'vtiger',
		icon: { light: 'file:vtiger.svg', dark: 'file:vtiger.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create, read, update, delete and query records of Vtiger CRM (open source 6.x-8.x)',
		defaults: { name: 'Vtiger CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vtigerApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Comment', value: 'comment' },
					{ name: 'Custom Operation', value: 'custom' },
					{ name: 'Document', value: 'document' },
					{ name: 'Inventory (Quote, Order, Invoice)', value: 'inventory' },
					{ name: 'Lead', value: 'lead' },
					{ name: 'Module', value: 'module' },
					{ name: 'Query', value: 'query' },
					{ name: 'Record', value: 'record' },
					{ name: 'Related Record', value: 'related' },
					{ name: 'Session', value: 'session' },
					{ name: 'User', value: 'user' },
				],
				default: 'record',
			},
			...record.description,
			...query.description,
			...related.description,
			...comment.description,
			...document.description,
			...inventory.description,
			...lead.description,
			...custom.description,
			...moduleResource.description,
			...user.description,
			...session.description,
		],
	};

	methods = {
		loadOptions: { getDocumentFolders, getFields, getOwners, getRelations },
		listSearch: {
			searchModules,
			searchRecords,
			searchFieldValues,
			searchDocuments,
			searchLeads,
			searchProductsAndServices,
		},
		resourceMapping: { getMappingColumns },
	};

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
