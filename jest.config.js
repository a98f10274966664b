/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	setupFiles: ['<rootDir>/test/harness/jest-setup.ts'],
	testTimeout: 30000,
	transform: { '^.+\\.ts$': 'ts-jest' },
};
