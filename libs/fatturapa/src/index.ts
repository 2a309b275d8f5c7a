export * from './lib/model';
export * from './lib/read-fatturapa';
