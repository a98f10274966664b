import type { ModuleDescription } from '../transport/types';

/**
 * The fields that make up a record's label. `describe.labelFields` lists database columns, which
 * are not always field names (HelpDesk "title" is the field ticket_title,
 * docs/vtiger-webservice.md#describe).
 */
export function labelFieldNames(description: ModuleDescription): string[] {
	const names = new Set(description.fields.map((f) => f.name));
	const columns = (description.labelFields ?? '')
		.split(',')
		.map((c) => c.trim())
		.filter(Boolean);
	const fields = columns
		.map((column) =>
			names.has(column)
				? column
				: description.fields.find((f) => f.name.endsWith(`_${column}`))?.name,
		)
		.filter((f): f is string => f !== undefined);
	return fields.length > 0 ? fields : ['id'];
}
