import { storedDifferently } from '../../nodes/Vtiger/helpers/stored';

import type { IDataObject } from 'n8n-workflow';

const long = (n: number) => 'x'.repeat(n);

describe('storedDifferently', () => {
	// docs/vtiger-webservice.md#json-encoding, #sending-values, #defects-by-version rows 21 and 28: emoji become "?" per byte, long text is cut, both silently.
	test.each([
		['the same text', { lastname: 'Doe' }, { lastname: 'Doe' }, []],
		[
			'an emoji stored as "????"',
			{ lastname: 'Hi 😀' },
			{ lastname: 'Hi ????' },
			['Vtiger stored "lastname" with "?" for characters it cannot store (such as emoji)'],
		],
		[
			'an emoji stored as "?"',
			{ lastname: '😀 Doe' },
			{ lastname: '? Doe' },
			['Vtiger stored "lastname" with "?"'],
		],
		[
			'text cut to the column',
			{ lastname: long(100) },
			{ lastname: long(80) },
			['Vtiger stored "lastname" cut to 80 characters (100 sent)'],
		],
		[
			'text with an emoji, then cut',
			{ description: `😀${long(50)}` },
			{ description: `????${long(10)}` },
			[
				'with "?" for characters it cannot store (such as emoji) and cut to 14 characters (51 sent)',
			],
		],
		['text dropped', { lastname: 'Doe' }, { lastname: '' }, ['Vtiger stored "lastname" empty']],
		['a number that comes back in database precision', { amount: 5 }, { amount: '5.00000000' }, []],
		['a number stored as sent', { amount: 5 }, { amount: '5' }, []],
		[
			'a value changed by the server',
			{ website: 'example.com' },
			{ website: 'http://example.com' },
			[],
		],
		[
			'an encoded <script>',
			{ description: '<script>x</script>' },
			{ description: '&lt;script&gt;x&lt;/script&gt;' },
			[],
		],
		['the id', { id: '12x5' }, { id: '' }, []],
		['a field not in the answer', { lastname: 'Doe' }, {}, []],
		['a null in the answer', { account_id: '11x5' }, { account_id: null }, []],
		['a sent object', { tags: ['a'] }, { tags: '' }, []],
		['question marks that were sent', { lastname: 'Who??' }, { lastname: 'Who??' }, []],
		[
			'two fields, one cut',
			{ firstname: 'Jane', lastname: long(90) },
			{ firstname: 'Jane', lastname: long(80) },
			['"lastname" cut to 80'],
		],
	] as Array<[string, Record<string, unknown>, Record<string, unknown>, string[]]>)(
		'%s',
		(_, sent, record, messages) => {
			const found = storedDifferently(sent as IDataObject, record as IDataObject);
			expect(found).toHaveLength(messages.length);
			found.forEach((difference, i) => {
				expect(difference.message).toContain(messages[i]);
				expect(difference.sent).toBe(String(sent[difference.field]));
				expect(difference.stored).toBe(record[difference.field]);
			});
		},
	);
});
