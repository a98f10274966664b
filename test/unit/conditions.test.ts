import * as conditions from '../../nodes/Vtiger/helpers/conditions';

import { NodeOperationError } from 'n8n-workflow';

import { node } from './node';

const { checkedConditions, checkedFieldList, fieldChecker } = conditions;
type ConditionInput = conditions.ConditionInput;

const description = {
	name: 'Contacts',
	label: 'Contacts',
	idPrefix: '12',
	isEntity: true,
	fields: ['id', 'lastname', 'firstname', 'email', 'cf_853'].map((name) => ({
		name,
		label: name,
		mandatory: false,
		type: { name: 'string' },
	})),
};

function refusal(run: () => unknown): NodeOperationError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('expected a NodeOperationError');
}

describe('fieldChecker', () => {
	test.each([
		['lastname', 'lastname'],
		[' email ', 'email'],
		['cf_853', 'cf_853'],
		['id', 'id'],
	])('%p is the field %p', (name, expected) => {
		expect(fieldChecker(node, description)(name, 'Sort By')).toBe(expected);
	});

	// docs/vtiger-webservice.md#query-errors: Vtiger answers an unknown ORDER BY field with an empty success.
	test.each([['LastName'], ['last_name'], [''], ['cf_854'], ['label']])(
		'%p is refused, naming the parameter, the module and its fields',
		(name) => {
			const error = refusal(() => fieldChecker(node, description, 3)(name, 'Sort By'));
			expect(error.message).toBe(`"Sort By": Contacts has no field "${name.trim()}"`);
			expect(error.description).toContain('Field names are case-sensitive');
			expect(error.description).toContain('id, lastname, firstname, email, cf_853');
			expect(error.context.itemIndex).toBe(3);
		},
	);
});

describe('checkedConditions', () => {
	const check = fieldChecker(node, description);
	test.each([
		[[], []],
		[
			[{ field: 'lastname', operator: 'contains', value: 'Doe' }],
			[{ field: 'lastname', operator: 'contains', value: 'Doe' }],
		],
		[
			[{ field: ' email ', value: 'a@b.c' }],
			[{ field: 'email', operator: 'equal', value: 'a@b.c' }],
		],
		// A value picked from a list (resource locator); older workflows store plain text.
		[
			[{ field: 'id', operator: 'equal', value: { value: '12x5' } }],
			[{ field: 'id', operator: 'equal', value: '12x5' }],
		],
		[
			[{ field: 'id', value: { value: 1234 } }],
			[{ field: 'id', operator: 'equal', value: '1234' }],
		],
		[[{ field: 'id', value: {} }], [{ field: 'id', operator: 'equal', value: '' }]],
		[[{ field: 'lastname' }], [{ field: 'lastname', operator: 'equal', value: '' }]],
		[
			[{ field: 'id', operator: 'isOneOf', value: ['12x1', '12x2'] }],
			[{ field: 'id', operator: 'isOneOf', value: ['12x1', '12x2'] }],
		],
	] as Array<[ConditionInput[], unknown[]]>)('%j are the conditions %j', (inputs, expected) => {
		expect(checkedConditions(inputs, check)).toEqual(expected);
	});

	test.each([
		[[{ field: 'Email', value: 'x' }]],
		[[{ value: 'x' }]],
		[[{ field: 'lastname' }, { field: 'nosuch' }]],
	])('%j is refused under "Conditions"', (inputs) => {
		const error = refusal(() => checkedConditions(inputs as ConditionInput[], check));
		expect(error.message).toMatch(/^"Conditions": Contacts has no field "/);
	});
});

describe('checkedFieldList', () => {
	const check = fieldChecker(node, description);
	test.each([
		[
			['lastname', 'email'],
			['lastname', 'email'],
		],
		['lastname, email', ['lastname', 'email']],
		[' lastname ,, email , ', ['lastname', 'email']],
		['', []],
		[undefined, []],
		[[], []],
		[['', ' '], []],
	])('%p is the list %p', (value, expected) => {
		expect(checkedFieldList(value, check)).toEqual(expected);
	});

	test.each([['lastname, Email'], [['nosuch']]])(
		'%p is refused under "Fields to Return"',
		(value) => {
			const error = refusal(() => checkedFieldList(value, check));
			expect(error.message).toMatch(/^"Fields to Return": Contacts has no field "/);
		},
	);
});
