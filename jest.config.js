/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// The 10,000-item load test runs on its own: npm run test:load (jest.load.config.js).
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/load/'],
	setupFiles: ['<rootDir>/test/harness/jest-setup.ts'],
	testTimeout: 30000,
	transform: { '^.+\\.ts$': 'ts-jest' },
};
