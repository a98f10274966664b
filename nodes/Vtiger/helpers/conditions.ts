import { NodeOperationError, type INode } from 'n8n-workflow';

import type { ModuleDescription } from '../transport/types';
import type { Condition, ConditionOperator } from '../vtql/select';

export interface ConditionInput {
	field?: string;
	operator?: ConditionOperator;
	/** Text, or the value picked from a list (a resource locator); older workflows store plain text. */
	value?: string | string[] | { value?: unknown };
}

function conditionValue(value: ConditionInput['value']): string | string[] {
	if (value !== null && typeof value === 'object' && !Array.isArray(value))
		return String(value.value ?? '');
	return value ?? '';
}

/**
 * Checks field names against describe before they go into VTQL: Vtiger answers an unknown field in
 * ORDER BY with an empty success (docs/vtiger-webservice.md#order-by), so a typo would look like
 * "no records".
 */
export function fieldChecker(node: INode, description: ModuleDescription, itemIndex?: number) {
	const known = new Set(description.fields.map((f) => f.name));
	return (name: string, parameter: string): string => {
		const trimmed = String(name ?? '').trim();
		if (!known.has(trimmed)) {
			throw new NodeOperationError(
				node,
				`"${parameter}": ${description.name} has no field "${trimmed}"`,
				{
					itemIndex,
					description: `Field names are case-sensitive. Fields of ${description.name}: ${[...known].join(', ')}`,
				},
			);
		}
		return trimmed;
	};
}

/** The "Conditions" a user set, with their fields checked. */
export function checkedConditions(
	inputs: ConditionInput[],
	check: ReturnType<typeof fieldChecker>,
): Condition[] {
	return inputs.map((c) => ({
		field: check(String(c.field ?? ''), 'Conditions'),
		operator: c.operator ?? 'equal',
		value: conditionValue(c.value),
	}));
}

/** "Fields to Return" as a list (a multi-select, or a comma-separated text from older workflows). */
export function checkedFieldList(
	value: string | string[] | undefined,
	check: ReturnType<typeof fieldChecker>,
): string[] {
	return (Array.isArray(value) ? value : String(value ?? '').split(','))
		.filter((f) => f.trim() !== '')
		.map((f) => check(f, 'Fields to Return'));
}
