import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from './larder-config';

describe('loadConfig', () => {
  it('defaults to the embedded engine in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ engine: 'embedded', dataDir: resolve('./data'), name: 'larder' });
    expect(config.timezone).toBe('Asia/Shanghai');
    expect(config.dashboard.cacheEntries).toBe(256);
  });

  it('keeps the inbox and the pull sources in the data folder unless told otherwise', () => {
    const config = loadConfig({ LARDER_DATA_DIR: '/srv/larder' });
    expect(config.imports).toMatchObject({ inboxDir: '/srv/larder/inbox', pullSourcesFile: '/srv/larder/pull-sources.json', maxBytes: 1024 ** 3, inboxCron: '*/5 * * * *' });
    expect(loadConfig({ LARDER_INBOX_DIR: '/in' }).imports.inboxDir).toBe('/in');
  });

  it('streams uploads to the temp folder unless told otherwise', () => {
    expect(loadConfig({}).imports.uploadDir).toBe(join(tmpdir(), 'larder-uploads'));
    expect(loadConfig({ LARDER_UPLOAD_DIR: '/big-disk/uploads' }).imports.uploadDir).toBe('/big-disk/uploads');
  });

  it('keeps the generated pseudonym key outside the data folder, and refuses a key file inside it', () => {
    const config = loadConfig({ LARDER_DATA_DIR: '/srv/larder', XDG_CONFIG_HOME: '/etc/xdg' });
    expect(config.pseudonymKeyFile).toBe('/etc/xdg/larder/pseudonym.key');
    expect(loadConfig({ LARDER_PSEUDONYM_KEY_FILE: '/run/secrets/larder-key' }).pseudonymKeyFile).toBe('/run/secrets/larder-key');
    expect(() => loadConfig({ LARDER_DATA_DIR: '/srv/larder', LARDER_PSEUDONYM_KEY_FILE: '/srv/larder/keys/pseudonym.key' })).toThrow(/LARDER_PSEUDONYM_KEY_FILE must be outside the data folder/);
  });

  it('reads the proxy trust and the future-date horizon', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({}).futureDays).toBe(3);
    expect(loadConfig({ LARDER_TRUST_PROXY: 'on' }).trustProxy).toBe(true);
    expect(loadConfig({ LARDER_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ LARDER_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });

  it('picks the PostgreSQL server when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' });
    expect(config.database).toEqual({ engine: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/test' });
  });

  it("reads the delivery settings: no SMTP by default, links on the local port, the chat tools' webhook hosts", () => {
    const defaults = loadConfig({ PORT: '8080' }).delivery;
    expect(defaults).toEqual(expect.objectContaining({ smtpUrl: null, publicUrl: 'http://localhost:8080', webhookHosts: ['qyapi.weixin.qq.com', 'oapi.dingtalk.com'], retryAttempts: 6 }));
    const set = loadConfig({
      LARDER_SMTP_URL: 'smtps://larder:secret@mail.example.com:465',
      LARDER_PUBLIC_URL: 'https://larder.example.com/',
      LARDER_WEBHOOK_HOSTS: 'Hooks.Example.com,127.0.0.1:9000',
    }).delivery;
    expect(set).toEqual(
      expect.objectContaining({ smtpUrl: 'smtps://larder:secret@mail.example.com:465', publicUrl: 'https://larder.example.com', webhookHosts: ['hooks.example.com', '127.0.0.1:9000'] }),
    );
  });

  it("classes the demo's feedback tags by default, and takes lists of its own", () => {
    const defaults = loadConfig({}).feedback;
    expect(defaults.praiseTags).toEqual(expect.arrayContaining(['实惠', '好吃', '新鲜', '分量足']));
    expect(defaults.complaintTags).toEqual(expect.arrayContaining(['太咸', '价格贵', '排队久']));
    const set = loadConfig({ LARDER_PRAISE_TAGS: '好评， 干净,好评', LARDER_COMPLAINT_TAGS: '难吃' }).feedback;
    expect(set).toEqual({ praiseTags: ['好评', '干净'], complaintTags: ['难吃'] });
  });

  it.each([
    [{ LARDER_PRAISE_TAGS: '好吃,太咸' }, 'LARDER_PRAISE_TAGS'],
    [{ LARDER_COMPLAINT_TAGS: ' , ' }, 'LARDER_COMPLAINT_TAGS'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://root@localhost/x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ LARDER_DEMO: 'maybe' }, 'LARDER_DEMO'],
    [{ LARDER_TIMEZONE: 'Mars/Olympus' }, 'LARDER_TIMEZONE'],
    [{ LARDER_PSEUDONYM_SECRET: 'short' }, 'LARDER_PSEUDONYM_SECRET'],
    [{ LARDER_NIGHTLY_CRON: '61 2 * * *' }, 'LARDER_NIGHTLY_CRON'],
    [{ LARDER_FINANCE_REPORT_CRON: 'monthly' }, 'LARDER_FINANCE_REPORT_CRON'],
    [{ LARDER_JOB_RETRIES: '0' }, 'LARDER_JOB_RETRIES'],
    [{ LARDER_SCHEDULER: 'sometimes' }, 'LARDER_SCHEDULER'],
    [{ LARDER_DEMO_PASSWORD: 'short' }, 'LARDER_DEMO_PASSWORD'],
    [{ LARDER_SESSION_HOURS: '0' }, 'LARDER_SESSION_HOURS'],
    [{ LARDER_JOB_QUEUE: 'always' }, 'LARDER_JOB_QUEUE'],
    [{ LARDER_JOB_WORKER: 'yes' }, 'LARDER_JOB_WORKER'],
    [{ LARDER_WORKER_CONCURRENCY: '0' }, 'LARDER_WORKER_CONCURRENCY'],
    [{ LARDER_JOB_EXPIRY_SECONDS: '1' }, 'LARDER_JOB_EXPIRY_SECONDS'],
    [{ LARDER_IMPORT_MAX_BYTES: '10' }, 'LARDER_IMPORT_MAX_BYTES'],
    [{ LARDER_IMPORT_UPLOADS_PER_MINUTE: '0' }, 'LARDER_IMPORT_UPLOADS_PER_MINUTE'],
    [{ LARDER_INBOX_CRON: 'often' }, 'LARDER_INBOX_CRON'],
    [{ LARDER_INBOX_SETTLE_SECONDS: '-1' }, 'LARDER_INBOX_SETTLE_SECONDS'],
    [{ LARDER_DASHBOARD_CACHE_ENTRIES: '-1' }, 'LARDER_DASHBOARD_CACHE_ENTRIES'],
    [{ LARDER_TRUST_PROXY: 'yes please' }, 'LARDER_TRUST_PROXY'],
    [{ LARDER_FUTURE_DAYS: '-1' }, 'LARDER_FUTURE_DAYS'],
    [{ LARDER_SMTP_URL: 'http://mail.example.com' }, 'LARDER_SMTP_URL'],
    [{ LARDER_PUBLIC_URL: 'ftp://larder' }, 'LARDER_PUBLIC_URL'],
    [{ LARDER_WEBHOOK_HOSTS: 'hooks.example.com, a b' }, 'LARDER_WEBHOOK_HOSTS'],
    [{ LARDER_DELIVERY_CRON: 'hourly' }, 'LARDER_DELIVERY_CRON'],
    [{ LARDER_DELIVERY_RETRIES: '0' }, 'LARDER_DELIVERY_RETRIES'],
  ])('rejects %p naming %s', (env, setting) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${setting} `));
  });
});
