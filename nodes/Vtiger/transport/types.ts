/** What Vtiger's metadata and record operations answer with. */

export type VtigerRecord = Record<string, unknown>;

export interface ListTypesResult {
	types: string[];
	information: Record<string, { isEntity?: boolean; label?: string; singular?: string }>;
}

export interface FieldDescription {
	name: string;
	label: string;
	mandatory: boolean | string;
	type: { name: string; [key: string]: unknown };
	editable?: boolean | string;
	[key: string]: unknown;
}

export interface ModuleDescription {
	name: string;
	label: string;
	idPrefix: string;
	isEntity: boolean;
	labelFields?: string;
	fields: FieldDescription[];
	[key: string]: unknown;
}
