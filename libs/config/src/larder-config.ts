import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { validateCronExpression } from 'cron';

export type DatabaseEngine = 'embedded' | 'postgres';
export type DemoMode = 'auto' | 'on' | 'off';

export interface LarderConfig {
  readonly port: number;
  readonly database:
    /**
     * A PostgreSQL cluster Larder initialises, starts and stops itself in `<dataDir>/postgres/`;
     * `name` is the database in it (tests give each file its own in one shared cluster).
     */
    { readonly engine: 'embedded'; readonly dataDir: string; readonly name: string } | { readonly engine: 'postgres'; readonly url: string };
  /** 'auto' seeds the demo enterprise into an empty embedded database; 'on' also on a server. */
  readonly demo: DemoMode;
  readonly demoSeed: number;
  readonly timezone: string;
  readonly pseudonymSecret: string | null;
  /**
   * Where the generated pseudonym key is kept when LARDER_PSEUDONYM_SECRET is unset: never in the
   * data folder, so a copy of the data alone cannot re-identify a diner.
   */
  readonly pseudonymKeyFile: string;
  /** Express "trust proxy": behind a TLS proxy, the request's protocol and address come from its headers. */
  readonly trustProxy: boolean | number | string;
  /** Rows dated more than this many days after today (canteen time) are quarantined, not stored. */
  readonly futureDays: number;
  readonly logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** 'text': one readable line per event (a terminal); 'json': one JSON object per line (a log collector). */
  readonly logFormat: 'text' | 'json';
  readonly reportsDir: string;
  readonly auth: {
    /** The first admin's password; generated and printed once when unset. */
    readonly adminPassword: string | null;
    /** The demo users' password in demo mode; generated and printed at start when unset. */
    readonly demoPassword: string | null;
    readonly sessionHours: number;
  };
  readonly imports: {
    /** The largest file an upload, an inbox file or a pulled page may be (default 1 GiB). */
    readonly maxBytes: number;
    /** Uploads per minute one token or user may send. */
    readonly uploadsPerMinute: number;
    /** Where an upload is streamed while it is imported (removed after); room for the largest one. */
    readonly uploadDir: string;
    /** The folder watched for files to import; each is moved to processed/ or failed/ beside its report. */
    readonly inboxDir: string;
    /** When the inbox is scanned (default every five minutes). */
    readonly inboxCron: string;
    /** A file whose size or time changed in the last seconds is still being written and waits for the next scan. */
    readonly inboxSettleSeconds: number;
    /** The vendor databases to pull from (JSON; see the README). Missing file: no sources. */
    readonly pullSourcesFile: string;
  };
  readonly dashboard: {
    /** Panel answers kept per process until the data changes; 0 computes every request afresh. */
    readonly cacheEntries: number;
  };
  readonly feedback: {
    /** Feedback tags that praise (shown apart from complaints); LARDER_PRAISE_TAGS. */
    readonly praiseTags: readonly string[];
    /** Feedback tags that complain (the complaint chart); LARDER_COMPLAINT_TAGS. */
    readonly complaintTags: readonly string[];
  };
  readonly jobs: {
    /** Whether this process fires scheduled jobs (CLI commands and tests turn it off). */
    readonly scheduler: boolean;
    readonly nightlyCron: string;
    /** When the monthly finance report for the month just ended is written (default 06:00 on the 1st). */
    readonly financeReportCron: string;
    /** When next week's purchase plan report is written (default Thursday 09:00). */
    readonly purchasePlanReportCron: string;
    readonly retryAttempts: number;
    readonly retryBaseDelayMs: number;
    /**
     * 'auto': on a PostgreSQL server, per-canteen steps go through the pg-boss queue to any worker;
     * 'off': they run in the process that runs the job. The embedded engine always runs them in-process.
     */
    readonly queue: 'auto' | 'off';
    /** Whether API instances and `jobs run` also take queued steps; `larder worker` always does. */
    readonly worker: boolean;
    /** Queued steps one process runs at a time (`larder worker --concurrency` overrides it). */
    readonly workerConcurrency: number;
    /** How long a queued step may run before it counts as lost (its worker died) and is retried. */
    readonly expirySeconds: number;
  };
  readonly delivery: {
    /** The SMTP server e-mails go through (smtp:// or smtps://, user and password in the URL); null: no e-mail. */
    readonly smtpUrl: string | null;
    /** The sender of every e-mail. */
    readonly mailFrom: string;
    /** The address people reach Larder at, for the unsubscribe link in each e-mail. */
    readonly publicUrl: string;
    /** Hosts webhooks may be sent to (a subscriber names the URL; other hosts are refused). */
    readonly webhookHosts: readonly string[];
    /** When waiting and failed deliveries are sent (the nightly run also sends what it queued). */
    readonly cron: string;
    readonly retryAttempts: number;
    /** Delay before the second attempt; each further attempt waits twice as long. */
    readonly retryBaseDelayMs: number;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${setting} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function readPort(env: Env): number {
  const raw = env.PORT ?? '3000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) throw new ConfigError('PORT', `must be a port number 1-65535, got ${JSON.stringify(raw)}`);
  return port;
}

function readDatabase(env: Env): LarderConfig['database'] {
  const url = env.DATABASE_URL?.trim();
  if (!url) {
    const dataDir = env.LARDER_DATA_DIR?.trim() || './data';
    // memory:// is a throwaway cluster in a temp folder, removed when the process ends: tests and trials.
    return { engine: 'embedded', dataDir: dataDir === 'memory://' ? dataDir : resolve(dataDir), name: 'larder' };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL (expected postgres://user:password@host:port/database)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got ${parsed.protocol}//`);
  }
  return { engine: 'postgres', url };
}

function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw as T;
}

function readTimezone(env: Env): string {
  const zone = env.LARDER_TIMEZONE?.trim() || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new ConfigError('LARDER_TIMEZONE', `is not a known IANA time zone: ${JSON.stringify(zone)}`);
  }
  return zone;
}

function readPassword(env: Env, name: string): string | null {
  const password = env[name];
  if (password === undefined || password === '') return null;
  if (password.length < 12) throw new ConfigError(name, 'must be at least 12 characters');
  return password;
}

function readSecret(env: Env): string | null {
  const secret = env.LARDER_PSEUDONYM_SECRET;
  if (secret === undefined || secret === '') return null;
  if (secret.length < 16) throw new ConfigError('LARDER_PSEUDONYM_SECRET', 'must be at least 16 characters');
  return secret;
}

/** Default: the user's configuration folder, well away from LARDER_DATA_DIR; a file inside the data folder is refused. */
function readKeyFile(env: Env): string {
  const configured = env.LARDER_PSEUDONYM_KEY_FILE?.trim();
  const file = configured ? resolve(configured) : join(env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config'), 'larder', 'pseudonym.key');
  const dataDir = readDataDir(env);
  const inside = relative(dataDir, file);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new ConfigError('LARDER_PSEUDONYM_KEY_FILE', `must be outside the data folder ${dataDir}: a copy of the data and its key re-identify every diner, got ${JSON.stringify(file)}`);
  }
  return file;
}

/** "off" (default), "on" (every proxy), a hop count, or addresses/subnets as Express takes them. */
function readTrustProxy(env: Env): boolean | number | string {
  const raw = env.LARDER_TRUST_PROXY?.trim();
  if (!raw || raw === 'off') return false;
  if (raw === 'on') return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  if (/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*$/.test(raw)) return raw;
  throw new ConfigError('LARDER_TRUST_PROXY', `must be off, on, a hop count, or proxy addresses (loopback, 10.0.0.0/8, …), got ${JSON.stringify(raw)}`);
}

function readInteger(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

function readCron(env: Env, name: string, fallback: string): string {
  const expression = env[name]?.trim() || fallback;
  const check = validateCronExpression(expression);
  if (!check.valid) throw new ConfigError(name, `is not a cron expression (${check.error?.message ?? 'invalid'}): ${JSON.stringify(expression)}`);
  return expression;
}

function readRange(env: Env, setting: { name: string; fallback: number; min: number; max: number }): number {
  const value = readInteger(env, setting.name, setting.fallback);
  if (value < setting.min || value > setting.max) throw new ConfigError(setting.name, `must be between ${setting.min} and ${setting.max}, got ${value}`);
  return value;
}

/** Where files of the installation live; an in-memory database still keeps its inbox on disk. */
function readDataDir(env: Env): string {
  const dataDir = env.LARDER_DATA_DIR?.trim() || './data';
  return resolve(dataDir === 'memory://' ? './data' : dataDir);
}

function readSmtpUrl(env: Env): string | null {
  const raw = env.LARDER_SMTP_URL?.trim();
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError('LARDER_SMTP_URL', 'is not a URL (expected smtp://user:password@host:587 or smtps://…:465)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') throw new ConfigError('LARDER_SMTP_URL', `must start with smtp:// or smtps://, got ${parsed.protocol}//`);
  if (!parsed.hostname) throw new ConfigError('LARDER_SMTP_URL', 'names no host');
  return raw;
}

function readPublicUrl(env: Env, port: number): string {
  const raw = env.LARDER_PUBLIC_URL?.trim() || `http://localhost:${port}`;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError('LARDER_PUBLIC_URL', `must be an http:// or https:// address, got ${JSON.stringify(raw)}`);
  }
  return raw.replace(/\/+$/, '');
}

function readHosts(env: Env, name: string, fallback: string): string[] {
  const hosts = (env[name]?.trim() || fallback)
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  const bad = hosts.find((host) => !/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/.test(host));
  if (bad !== undefined) throw new ConfigError(name, `must be host names separated by commas, got ${JSON.stringify(bad)}`);
  return hosts;
}

/** The demo's tag vocabulary, classed; a setting replaces a list as a whole. */
const DEFAULT_PRAISE_TAGS = '好吃,新鲜,分量足,实惠,服务好,上菜快,品种多,环境好';
const DEFAULT_COMPLAINT_TAGS = '太咸,太油,分量少,价格贵,排队久,不新鲜,菜凉了,口味一般,售罄了,品种少';

function readTags(env: Env, name: string, fallback: string): string[] {
  const tags = (env[name]?.trim() || fallback)
    .split(/[,，]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  if (tags.length === 0) throw new ConfigError(name, 'must name at least one tag, separated by commas');
  const long = tags.find((tag) => tag.length > 40);
  if (long !== undefined) throw new ConfigError(name, `tags are at most 40 characters, got ${JSON.stringify(long)}`);
  return [...new Set(tags)];
}

function readFeedback(env: Env): LarderConfig['feedback'] {
  const praiseTags = readTags(env, 'LARDER_PRAISE_TAGS', DEFAULT_PRAISE_TAGS);
  const complaintTags = readTags(env, 'LARDER_COMPLAINT_TAGS', DEFAULT_COMPLAINT_TAGS);
  const both = praiseTags.find((tag) => complaintTags.includes(tag));
  if (both !== undefined) throw new ConfigError('LARDER_PRAISE_TAGS', `${JSON.stringify(both)} is also in LARDER_COMPLAINT_TAGS; a tag praises or complains, not both`);
  return Object.freeze({ praiseTags: Object.freeze(praiseTags), complaintTags: Object.freeze(complaintTags) });
}

/** Reads and validates the whole configuration once; nothing else in Larder reads the environment. */
export function loadConfig(env: Env): LarderConfig {
  const port = readPort(env);
  return Object.freeze({
    port,
    database: readDatabase(env),
    demo: readEnum<DemoMode>(env, 'LARDER_DEMO', ['auto', 'on', 'off'], 'auto'),
    demoSeed: readInteger(env, 'LARDER_DEMO_SEED', 42),
    timezone: readTimezone(env),
    pseudonymSecret: readSecret(env),
    pseudonymKeyFile: readKeyFile(env),
    trustProxy: readTrustProxy(env),
    futureDays: readRange(env, { name: 'LARDER_FUTURE_DAYS', fallback: 3, min: 0, max: 366 }),
    logLevel: readEnum(env, 'LARDER_LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log'),
    logFormat: readEnum(env, 'LARDER_LOG_FORMAT', ['text', 'json'] as const, 'text'),
    reportsDir: resolve(env.LARDER_REPORTS_DIR?.trim() || './reports'),
    auth: Object.freeze({
      adminPassword: readPassword(env, 'LARDER_ADMIN_PASSWORD'),
      demoPassword: readPassword(env, 'LARDER_DEMO_PASSWORD'),
      sessionHours: readRange(env, { name: 'LARDER_SESSION_HOURS', fallback: 12, min: 1, max: 24 * 30 }),
    }),
    imports: Object.freeze({
      maxBytes: readRange(env, { name: 'LARDER_IMPORT_MAX_BYTES', fallback: 1024 ** 3, min: 1024, max: 64 * 1024 ** 3 }),
      uploadsPerMinute: readRange(env, { name: 'LARDER_IMPORT_UPLOADS_PER_MINUTE', fallback: 30, min: 1, max: 10_000 }),
      uploadDir: resolve(env.LARDER_UPLOAD_DIR?.trim() || join(tmpdir(), 'larder-uploads')),
      inboxDir: resolve(env.LARDER_INBOX_DIR?.trim() || `${readDataDir(env)}/inbox`),
      inboxCron: readCron(env, 'LARDER_INBOX_CRON', '*/5 * * * *'),
      inboxSettleSeconds: readRange(env, { name: 'LARDER_INBOX_SETTLE_SECONDS', fallback: 30, min: 0, max: 86_400 }),
      pullSourcesFile: resolve(env.LARDER_PULL_SOURCES?.trim() || `${readDataDir(env)}/pull-sources.json`),
    }),
    dashboard: Object.freeze({
      cacheEntries: readRange(env, { name: 'LARDER_DASHBOARD_CACHE_ENTRIES', fallback: 256, min: 0, max: 100_000 }),
    }),
    feedback: readFeedback(env),
    jobs: Object.freeze({
      scheduler: readEnum(env, 'LARDER_SCHEDULER', ['on', 'off'] as const, 'on') === 'on',
      nightlyCron: readCron(env, 'LARDER_NIGHTLY_CRON', '0 2 * * *'),
      financeReportCron: readCron(env, 'LARDER_FINANCE_REPORT_CRON', '0 6 1 * *'),
      purchasePlanReportCron: readCron(env, 'LARDER_PURCHASE_PLAN_REPORT_CRON', '0 9 * * 4'),
      retryAttempts: readRange(env, { name: 'LARDER_JOB_RETRIES', fallback: 3, min: 1, max: 10 }),
      retryBaseDelayMs: readRange(env, { name: 'LARDER_JOB_RETRY_DELAY_MS', fallback: 5000, min: 0, max: 600_000 }),
      queue: readEnum(env, 'LARDER_JOB_QUEUE', ['auto', 'off'] as const, 'auto'),
      worker: readEnum(env, 'LARDER_JOB_WORKER', ['on', 'off'] as const, 'on') === 'on',
      workerConcurrency: readRange(env, { name: 'LARDER_WORKER_CONCURRENCY', fallback: 1, min: 1, max: 32 }),
      expirySeconds: readRange(env, { name: 'LARDER_JOB_EXPIRY_SECONDS', fallback: 900, min: 2, max: 86_400 }),
    }),
    delivery: Object.freeze({
      smtpUrl: readSmtpUrl(env),
      mailFrom: env.LARDER_MAIL_FROM?.trim() || 'Larder <larder@localhost>',
      publicUrl: readPublicUrl(env, port),
      webhookHosts: Object.freeze(readHosts(env, 'LARDER_WEBHOOK_HOSTS', 'qyapi.weixin.qq.com,oapi.dingtalk.com')),
      cron: readCron(env, 'LARDER_DELIVERY_CRON', '*/10 * * * *'),
      retryAttempts: readRange(env, { name: 'LARDER_DELIVERY_RETRIES', fallback: 6, min: 1, max: 20 }),
      retryBaseDelayMs: readRange(env, { name: 'LARDER_DELIVERY_RETRY_DELAY_MS', fallback: 60_000, min: 0, max: 86_400_000 }),
    }),
  });
}

/** The process environment, read in exactly one place. */
export function loadConfigFromProcess(overrides: Env = {}): LarderConfig {
  return loadConfig({ ...process.env, ...overrides });
}
