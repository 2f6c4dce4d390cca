import { createHmac, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { AppSetting } from '@larder/database';
import { Pseudonymizer } from './pseudonymizer';

/** Where installs before the key file kept their generated key: moved out on first use. */
const LEGACY_SETTING = 'pseudonym_secret';
/** HMAC of a fixed text under the key: tells a wrong key from the right one, and nothing about it. */
const CHECK_SETTING = 'pseudonym_key_check';
const CHECK_TEXT = 'larder pseudonym key check';

export function keyCheck(secret: string): string {
  return createHmac('sha256', secret).update(CHECK_TEXT).digest('base64url');
}

/**
 * The pseudonym key never lives with the data. It comes from LARDER_PSEUDONYM_SECRET, or from
 * the key file (LARDER_PSEUDONYM_KEY_FILE, by default in the user's configuration folder, never
 * in LARDER_DATA_DIR), generated there once with mode 0600 and a loud warning. A key that older
 * installs kept in the database is moved to the key file and deleted from the database. The
 * database keeps only a check value, so a wrong or lost key is refused instead of silently
 * giving every diner new pseudonyms.
 */
@Injectable()
export class PseudonymKeyService {
  private readonly logger = new Logger('PseudonymKey');
  private pseudonymizer: Pseudonymizer | null = null;
  private key: Promise<string> | null = null;

  constructor(
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async get(): Promise<Pseudonymizer> {
    if (!this.pseudonymizer) this.pseudonymizer = new Pseudonymizer(await this.secret());
    return this.pseudonymizer;
  }

  /** The key itself, for code that pseudonymises outside this service (a worker thread). */
  secret(): Promise<string> {
    this.key ??= this.resolve().catch((error: Error) => {
      this.key = null;
      throw error;
    });
    return this.key;
  }

  private async resolve(): Promise<string> {
    const settings = this.dataSource.getRepository(AppSetting);
    const legacy = (await settings.findOneBy({ key: LEGACY_SETTING }))?.value ?? null;
    const secret = this.config.pseudonymSecret ?? (await this.fromFile(legacy));
    if (legacy !== null) {
      if (legacy !== secret) {
        throw new LarderError(
          'CONFLICT',
          `the database holds a pseudonym key (from an older Larder) that differs from ${this.source()}; use that key, or remove the app_setting row ${LEGACY_SETTING} knowing old pseudonyms will no longer match`,
        );
      }
      await settings.delete({ key: LEGACY_SETTING });
      this.logger.warn(`moved the pseudonym key out of the database into ${this.source()}; back it up, and destroy old copies of the database, which still hold it`);
    }
    const check = keyCheck(secret);
    await settings.createQueryBuilder().insert().values({ key: CHECK_SETTING, value: check }).orIgnore().execute();
    const stored = await settings.findOneByOrFail({ key: CHECK_SETTING });
    if (stored.value !== check) {
      throw new LarderError(
        'CONFLICT',
        `${this.source()} is not the pseudonym key this database's diners were pseudonymised with; restore the original key (LARDER_PSEUDONYM_KEY_FILE or LARDER_PSEUDONYM_SECRET)`,
      );
    }
    return secret;
  }

  private source(): string {
    return this.config.pseudonymSecret !== null ? 'LARDER_PSEUDONYM_SECRET' : `the key file ${this.config.pseudonymKeyFile}`;
  }

  /** The key file's key; a missing file is created, with the legacy key when there is one. */
  private async fromFile(legacy: string | null): Promise<string> {
    const file = this.config.pseudonymKeyFile;
    const existing = await this.read(file);
    if (existing !== null) return existing;
    const secret = legacy ?? randomBytes(32).toString('base64url');
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    try {
      // exclusive: of two processes starting at once, one writes and the other reads its key
      await writeFile(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return (await this.read(file)) as string;
    }
    if (legacy === null) {
      this.logger.warn(
        `generated a new pseudonym key in ${file} (mode 0600). Back it up and keep it away from the data folder and its backups: ` +
          'without it new imports no longer match earlier diners; with it, a copy of the data re-identifies every diner. In production set LARDER_PSEUDONYM_SECRET or LARDER_PSEUDONYM_KEY_FILE.',
      );
    }
    return secret;
  }

  private async read(file: string): Promise<string | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new LarderError('UNAVAILABLE', `cannot read the pseudonym key file ${file}: ${(error as Error).message}`);
    }
    const secret = text.trim();
    if (secret.length < 16) throw new LarderError('VALIDATION_FAILED', `the pseudonym key file ${file} must hold a key of at least 16 characters`);
    if (((await stat(file)).mode & 0o077) !== 0) {
      this.logger.warn(`the pseudonym key file ${file} is readable by other users; making it 0600`);
      await chmod(file, 0o600).catch(() => undefined);
    }
    return secret;
  }
}
