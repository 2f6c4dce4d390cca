import { InitialSchema1795566502769 } from './1795566502769-initial-schema.migration';

/** Migrations in the order they run; `npm run migration:generate -- Name` writes a new one to add here. */
export const MIGRATIONS: Function[] = [InitialSchema1795566502769];
