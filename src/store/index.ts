export { Store, DocTable, type ColumnValue } from './store.ts';
