// The production rules in one import for the screens.
export * from './check';
export * from './calendar';
export * from './planning';
export * from './amenagements';
export * from './assignment';
export * from './hours';
export * from './progress';
export * from './exportCsv';
export * from './copyWeek';
export * from './dayEntryId';
export * from './monthClose';
