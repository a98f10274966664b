/**
 * Webservice error model. Messages and codes are exactly as Vtiger 8.3.0 sends them
 * (docs/vtiger-webservice.md#error-codes and the sections it links).
 */
export class WsError extends Error {
	constructor(
		readonly code: string | number,
		message: string,
	) {
		super(message);
	}
}

/** A PHP fatal error: HTTP 500 with an empty body (docs/vtiger-webservice.md#non-json-answers). */
export class PhpFatal extends Error {
	constructor(reason = 'PHP fatal error') {
		super(reason);
	}
}

/**
 * The request died with Vtiger's plain-text `Sorry! Attempt to access restricted file.` after the
 * save (a record owned by a user id without a user_privileges file, 8.3.0).
 */
export class RestrictedFile extends Error {}

export const RESTRICTED_TEXT = 'Sorry! Attempt to access restricted file.';

export const Msg = {
	denied: 'Permission to perform the operation is denied',
	deniedForId: 'Permission to perform the operation is denied for id',
	deniedForQuery: 'Permission to perform the operation is denied for query',
	deniedForName: (name: string) =>
		`Permission to perform the operation is denied for name : ${name}`,
	cannotAssign: 'Cannot assign record to the given user',
	idIncorrect: 'Id specified is incorrect',
	unknownError: 'Unknown Error while processing request',
	invalidSession: 'Session Identifier provided is Invalid',
	authRequired: 'Authencation required',
	authFailed: 'Authencation Failed',
	invalidToken: 'Specified token is invalid or expired',
	invalidCredentials: 'Invalid username or password',
	accessKeyUndefined: 'Access key for the user is undefined',
	noUsername: 'No username given',
	unknownUsername: 'username does not exists',
	recordNotFound: 'Record you are trying to access is not found',
	duplicate: 'Duplicate(s) detected!',
} as const;

export const err = {
	accessDenied: (message: string = Msg.denied) => new WsError('ACCESS_DENIED', message),
	invalidId: () => new WsError('INVALID_ID_ATTRIBUTE', Msg.idIncorrect),
	internal: () => new WsError('INTERNAL_SERVER_ERROR', Msg.unknownError),
	mandatory: (field: string) =>
		new WsError('MANDATORY_FIELDS_MISSING', `${field} does not have a value`),
	referenceInvalid: (field: string) =>
		new WsError('REFERENCE_INVALID', `Invalid reference specified for ${field}`),
	duplicate: () => new WsError(0, Msg.duplicate),
	invalidSession: () => new WsError('INVALID_SESSIONID', Msg.invalidSession),
	authRequired: () => new WsError('AUTHENTICATION_REQUIRED', Msg.authRequired),
	authFailure: () => new WsError('AUTHENTICATION_FAILURE', Msg.authFailed),
	querySyntax: (message: string) => new WsError('QUERY_SYNTAX_ERROR', message),
	recordNotFound: () => new WsError('RECORD_NOT_FOUND', Msg.recordNotFound),
	notSupported: (message: string = Msg.denied) => new WsError('OPERATION_NOT_SUPPORTED', message),
};
