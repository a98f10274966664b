import { labelFieldNames } from '../../nodes/Vtiger/helpers/labels';

type Description = Parameters<typeof labelFieldNames>[0];
const describeOf = (labelFields: string | undefined, names: string[]): Description => ({
	name: 'M',
	label: 'M',
	idPrefix: '1',
	isEntity: true,
	labelFields,
	fields: names.map((name) => ({ name, label: name, mandatory: false, type: { name: 'string' } })),
});

describe('labelFieldNames', () => {
	// docs/vtiger-webservice.md#describe: labelFields lists database columns, not always field names.
	test.each([
		['accountname', ['id', 'accountname', 'website'], ['accountname']],
		['firstname,lastname', ['id', 'lastname', 'firstname'], ['firstname', 'lastname']],
		[' firstname , lastname ', ['firstname', 'lastname'], ['firstname', 'lastname']],
		['title', ['id', 'ticket_no', 'ticket_title', 'ticketstatus'], ['ticket_title']],
		['title', ['id', 'notes_title', 'filename'], ['notes_title']],
		['title', ['title', 'ticket_title'], ['title']],
		['lastname,nosuchcolumn', ['lastname'], ['lastname']],
		['nosuchcolumn', ['id', 'lastname'], ['id']],
		['', ['id', 'lastname'], ['id']],
		[undefined, ['id', 'lastname'], ['id']],
		[',,', ['id'], ['id']],
	])('labelFields %p with fields %j: %j', (labelFields, names, expected) => {
		expect(labelFieldNames(describeOf(labelFields, names))).toEqual(expected);
	});
});
