import { ValueTransformer } from 'typeorm';

/** PostgreSQL returns bigint and numeric as strings; Larder's sums of fen stay far below 2^53. */
export const numberTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
