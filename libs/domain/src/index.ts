export * from './meal-period';
export * from './enums';
export * from './money';
export * from './local-date';
export * from './china-calendar';
export * from './spreadsheet-text';
export * from './progress';
export * from './canteen-scope';
