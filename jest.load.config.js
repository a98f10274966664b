/** npm run test:load: only the load test of test/load/, which `npm test` leaves out. */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	roots: ['<rootDir>/test/load'],
	testPathIgnorePatterns: ['/node_modules/'],
};
