import type { VtigerClient } from '../transport/client';
import { relatedIdQuery } from '../vtql/select';

export interface Relation {
	label: string;
	module: string;
}

/** The relations of a module, by label (`relatedtypes` lists a module once per label, docs/vtiger-webservice.md#relatedtypes). */
export async function relationsOf(client: VtigerClient, module: string): Promise<Relation[]> {
	return await client.memo(`relatedtypes:${module}`, async () => {
		const { information } = await client.call<{
			information: Record<string, { name: string }> | [];
		}>('relatedtypes', {
			elementType: module,
		});
		return Object.entries(Array.isArray(information) ? {} : information).map(([label, info]) => ({
			label,
			module: info.name,
		}));
	});
}

/**
 * Links `relatedId` to `sourceId` through `relation` and reads the link back: Vtiger answers
 * success also when it linked nothing (docs/vtiger-webservice.md#add-related). Says whether the
 * link exists.
 */
export async function addCheckedRelation(
	client: VtigerClient,
	sourceId: string,
	relatedId: string,
	relation: Relation,
): Promise<boolean> {
	await client.call('add_related', {
		sourceRecordId: sourceId,
		relatedRecordId: relatedId,
		relationIdLabel: relation.label,
	});
	const linked = await client.call<unknown[] | null>('query_related', {
		id: sourceId,
		relatedLabel: relation.label,
		query: relatedIdQuery(relation.module, relatedId),
	});
	return Array.isArray(linked) && linked.length > 0;
}

/** Whether `id` is a document whose Active field (filestatus) is off; 8.3.0 leaves those out of relations. */
export async function isInactiveDocument(client: VtigerClient, id: string): Promise<boolean> {
	const document = await client.retrieve(id).catch(() => undefined);
	return document?.filestatus !== undefined && String(document.filestatus) !== '1';
}
