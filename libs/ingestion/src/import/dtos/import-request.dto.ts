import type { EntityManager } from 'typeorm';
import type { ImportSummary } from './import-summary.dto';
import type { FileFormat, ReadLimits, TextEncoding } from '../formats/record-stream';
import type { ImportKind } from '../profiles/import-kinds';
import type { MappingProfile } from '../profiles/mapping-profile';

export interface ImportProgress {
  /** Records stored so far in the batch's transaction. */
  records: number;
  /** About how many the file holds (its lines), null where the format gives no cheap count. */
  estimate: number | null;
}

/** One file to import. The HTTP endpoint and the inbox spool their bytes to a file and call the same service. */
export interface ImportRequest {
  kind: ImportKind | 'auto';
  path: string;
  /** The name the user knows; defaults to the path's base name. */
  fileName?: string;
  /** A profile by name; detected from the headers when absent. */
  profile?: string;
  /** Profiles to choose from; the built-in ones when absent. */
  profiles?: MappingProfile[];
  format?: FileFormat;
  encoding?: TextEncoding;
  sheet?: string;
  limits?: Partial<ReadLimits>;
  /** Who asked: a user name, "cli:<os user>", "token:<name>", "system:inbox", "system:pull:<source>". */
  createdBy: string;
  /** Runs inside the batch's transaction just before it commits: a vendor pull stores its watermark here. */
  beforeCommit?: (context: { manager: EntityManager; summary: ImportSummary }) => Promise<void>;
  onProgress?: (progress: ImportProgress) => void;
}
