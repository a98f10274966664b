import { withCreateDefaults } from '../../nodes/Vtiger/helpers/fields';

describe('withCreateDefaults', () => {
	// docs/vtiger-webservice.md#calendar-and-events / 21 row 18: a task needs activitytype Task; 13.1 / 21 row 20: filestatus "1".
	test.each([
		['Calendar', { subject: 'Call back' }, { subject: 'Call back', activitytype: 'Task' }],
		['Calendar', { subject: 's', activitytype: '' }, { subject: 's', activitytype: 'Task' }],
		['Calendar', { subject: 's', activitytype: 'Task' }, { subject: 's', activitytype: 'Task' }],
		['Documents', { notes_title: 'Contract' }, { notes_title: 'Contract', filestatus: '1' }],
		['Documents', { notes_title: 'c', filestatus: '0' }, { notes_title: 'c', filestatus: '0' }],
		['Documents', { notes_title: 'c', filestatus: '' }, { notes_title: 'c', filestatus: '1' }],
		['Events', { subject: 'Meeting' }, { subject: 'Meeting' }],
		['Contacts', { lastname: 'Doe' }, { lastname: 'Doe' }],
		['calendar', { subject: 's' }, { subject: 's' }],
	])('%s %j is created with %j', (module, fields, expected) => {
		const given = { ...fields };
		expect(withCreateDefaults(module, fields)).toEqual(expected);
		expect(fields).toEqual(given);
	});
});
