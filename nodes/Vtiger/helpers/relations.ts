import type { VtigerClient } from '../transport/client';

export interface Relation {
	label: string;
	module: string;
}

/** The relations of a module, by label (`relatedtypes` lists a module once per label, reference 11.1). */
export async function relationsOf(client: VtigerClient, module: string): Promise<Relation[]> {
	return await client.memo(`relatedtypes:${module}`, async () => {
		const { information } = await client.call<{ information: Record<string, { name: string }> | [] }>('relatedtypes', {
			elementType: module,
		});
		return Object.entries(Array.isArray(information) ? {} : information).map(([label, info]) => ({ label, module: info.name }));
	});
}
