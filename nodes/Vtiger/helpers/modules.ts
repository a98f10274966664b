import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** The item's "Module" parameter, checked to be a module name before it reaches Vtiger. */
export function moduleName(ctx: IExecuteFunctions, itemIndex: number): string {
	const module = String(
		ctx.getNodeParameter('module', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(module)) {
		throw new NodeOperationError(
			ctx.getNode(),
			module === ''
				? '"Module" is empty'
				: `"Module" must be a Vtiger module name such as Contacts, not "${module}"`,
			{
				itemIndex,
				description:
					'Module names are case-sensitive. Module > List shows the modules this user can use.',
			},
		);
	}
	return module;
}

/** The "Module" parameter where it may be left empty (a record given by ID names its module itself). */
export function optionalModuleName(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const given = String(
		ctx.getNodeParameter('module', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	return given === '' ? undefined : moduleName(ctx, itemIndex);
}
