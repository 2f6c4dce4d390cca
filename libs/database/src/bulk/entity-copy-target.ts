import { DataSource, EntityTarget } from 'typeorm';
import { CopyValue } from './copy-encoding';
import { CopyTarget } from './copy-writer';

/**
 * A COPY target for an entity's table whose rows are plain objects named like the entity's
 * properties; `omit` leaves out generated columns.
 */
export function entityCopyTarget<Row extends object>(dataSource: DataSource, entity: EntityTarget<unknown>, options: { omit?: string[] } = {}): CopyTarget<Row> {
  const metadata = dataSource.getMetadata(entity);
  const columns = metadata.columns.filter((column) => !options.omit?.includes(column.propertyName));
  const properties = columns.map((column) => column.propertyName);
  return {
    table: metadata.tableName,
    columns: columns.map((column) => column.databaseName),
    values: (row: Row) => {
      const record = row as Record<string, CopyValue>;
      return properties.map((property) => record[property]);
    },
  };
}
