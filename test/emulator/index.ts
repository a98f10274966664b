export { VtigerEmulator, type EmulatorOptions } from './emulator';
export type { LoggedRequest } from './server';
export type { FaultKind, FaultSpec } from './faults';
