export * from './lib/money';
export * from './lib/plain-date';
export * from './lib/reminder-offsets';
export * from './lib/document-types';
export * from './lib/csv';
export * from './lib/reminder-statuses';
