import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { owners } from '../helpers/directory';
import { relationsOf } from '../helpers/relations';
import { vtigerClient } from '../helpers/client';
import { queryAll } from '../vtql/paging';

function currentModule(ctx: ILoadOptionsFunctions): string {
	return String(ctx.getCurrentNodeParameter('module', { extractValue: true }) ?? '').trim();
}

/** Fields of the chosen module, by label, with the name and type in the description. */
export async function getFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const module = currentModule(this);
	if (!module) return [];
	const { fields } = await vtigerClient(this).describe(module);
	return fields
		.map((f) => ({
			name: f.label === f.name ? f.name : `${f.label} (${f.name})`,
			value: f.name,
			description: `${f.name}: ${f.type.name}`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Users and groups that can be assigned records. */
export async function getOwners(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await owners(vtigerClient(this))).map((o) => ({
		name: o.kind === 'user' ? `${o.name} (${o.userName})` : `${o.name} (group)`,
		value: o.id,
	}));
}

/** Relations of the chosen module, by label. */
export async function getRelations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const module = currentModule(this);
	if (!module) return [];
	return (await relationsOf(vtigerClient(this), module)).map((r) => ({
		name: r.label === r.module ? r.label : `${r.label} (${r.module})`,
		value: r.label,
	}));
}

/** Document folders, by name. */
export async function getDocumentFolders(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const folders = await queryAll(vtigerClient(this), {
		module: 'DocumentFolders',
		fields: ['foldername'],
	});
	return folders
		.map((f) => ({ name: String(f.foldername), value: String(f.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
