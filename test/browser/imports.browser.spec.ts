import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { describeWithChromium, DashboardServer, launchChromium, openView, screenshot, signedInPage, serveWithMasters } from './support/dashboard-browser';

const HEADER = ['交易流水号', '交易时间', '卡号', '食堂', '窗口', '餐别', '菜品编码', '菜品名称', '数量', '消费金额', '补贴金额', '实付金额', '支付方式'];

/** A week's card export as a vendor writes it: GBK, a title above the header, ￥ amounts with thousands, a refund, a blank line and a 合计 row. */
function cardExport(): Buffer {
  const line = (serial: string, time: string, dish: string, name: string, amount: string, subsidy: string, paid: string, quantity = '1') =>
    [serial, time, '3100012345', '一食堂', '2号窗口', '午餐', dish, name, quantity, amount, subsidy, paid, '一卡通'].join(',');
  const rows = [
    '一食堂消费明细报表 2026-11-23 至 2026-11-24,,,,,,,,,,,,',
    ',,,,,,,,,,,,',
    HEADER.join(','),
    line('P1', '2026-11-23 11:52:10', 'D001', '红烧肉', '￥18.00', '6.00', '12.00'),
    line('P1', '2026-11-23 11:52:10', 'D003', '紫菜蛋花汤', '￥2.00', '1.00', '1.00'),
    line('P2', '2026-11-24 12:03:44', 'D002', '番茄炒蛋', '"￥1,009.50"', '3.50', '"1,006.00"'),
    line('P3', '2026-11-24 12:10:00', 'D404', '无此菜', '￥9.00', '0.00', '9.00'),
    '',
    '合计,,,,,,,,4,"￥1,038.50",10.50,"1,028.00",',
  ];
  return iconv.encode(`${rows.join('\r\n')}\r\n`, 'gbk');
}

/** Two exports joined into one file, without 明细序号: the payment at the seam is repeated right after itself. */
function joinedExports(): Buffer {
  const line = (dish: string, name: string, amount: string) => ['S1', '2026-11-24 12:20:00', '3100012345', '一食堂', '2号窗口', '午餐', dish, name, '1', amount, '0.00', amount, '一卡通'].join(',');
  const payment = [line('D002', '番茄炒蛋', '9.50'), line('D003', '紫菜蛋花汤', '2.00')];
  return iconv.encode(`${[HEADER.join(','), ...payment, ...payment].join('\r\n')}\r\n`, 'gbk');
}

/** The same export with its time column headed otherwise. */
function wrongColumn(): Buffer {
  return iconv.encode(
    `${HEADER.map((name) => (name === '交易时间' ? '交易日期' : name)).join(',')}\r\nP9,2026-11-24 12:00:00,3100012345,一食堂,2号窗口,午餐,D001,红烧肉,1,18.00,6.00,12.00,一卡通\r\n`,
    'gbk',
  );
}

async function importFile(page: Page, name: string, content: Buffer): Promise<void> {
  await page.locator('form[data-form=import] input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await page.locator('form[data-form=import] button[type=submit]').click();
  await page.waitForFunction(() => {
    const button = (globalThis as unknown as { document: { querySelector(selector: string): { disabled: boolean } | null } }).document.querySelector('form[data-form=import] button[type=submit]');
    return button !== null && !button.disabled;
  });
}

describeWithChromium('importing a card export from the browser', () => {
  let server: DashboardServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveWithMasters('imports-browser');
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports a GBK export with a title and a total row, says everything in Chinese, and gives every refused row', async () => {
    const { context, page, errors } = await signedInPage({ browser, server, username: 'import-admin', role: 'admin', locale: 'zh-CN' });
    await openView(page, '/?page=imports');
    expect(await page.locator('[data-nav-group=admin] ~ a[href*="page=imports"], a[href*="page=imports"]').first().textContent()).toBe('数据导入');

    await importFile(page, '消费流水.csv', cardExport());
    const result = page.locator('[data-import-result]').first();
    expect(await result.locator('h3').textContent()).toBe('消费流水.csv：按映射“cn-card”导入为消费流水');
    expect(await result.locator('[data-count=accepted]').textContent()).toBe('3');
    expect(await result.locator('[data-count=rejected]').textContent()).toBe('2');
    expect(await result.locator('[data-count=duplicates]').textContent()).toBe('0');
    const rejections = await result.locator('[data-table=import-rejections] tbody tr').allTextContents();
    expect(rejections).toEqual([expect.stringMatching(/^第 7 行.*未知的菜品编码“D404”/), expect.stringMatching(/^第 9 行这是导出文件的合计行（“合计”）/)]);
    // the page's language only: the English half of each reason stays out
    expect(rejections.join('')).not.toMatch(/unknown|total row|column/);
    await screenshot(page, 'imports-zh');

    const [download] = await Promise.all([page.waitForEvent('download'), result.locator('[data-action=download-rejected]').click()]);
    expect(download.suggestedFilename()).toBe('消费流水-rejected.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(
      csv
        .split('\r\n')
        .filter(Boolean)
        .map((line) => line.split(',')[0]),
    ).toEqual(['\uFEFF行号 line', '7', '9']);
    expect(csv).not.toContain('3100012345');

    // the same file again stores nothing twice
    await importFile(page, '消费流水.csv', cardExport());
    expect(await page.locator('[data-import-result]').first().locator('[data-count=duplicates]').textContent()).toBe('3');
    expect(await page.locator('[data-import-result]').first().locator('[data-count=accepted]').textContent()).toBe('0');

    await importFile(page, '消费流水-交易日期.csv', wrongColumn());
    expect(await page.locator('[data-message=import]').textContent()).toBe(
      '未导入： 消费流水-交易日期.csv：看起来是按映射“cn-card”的消费流水（transactions），但缺少必需的列：交易时间（也可写作 消费时间、刷卡时间）；请把文件里对应的列改成其中一个名字',
    );
    await screenshot(page, 'imports-zh-refused');
    expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
    await context.close();
  });

  it('stores a payment repeated at an export seam, and shows its repeated lines as stored, to check', async () => {
    const { context, page, errors } = await signedInPage({ browser, server, username: 'import-admin-seam', role: 'admin', locale: 'zh-CN' });
    await openView(page, '/?page=imports');
    await importFile(page, '消费流水-拼接.csv', joinedExports());
    const result = page.locator('[data-import-result]').first();
    expect(await result.locator('[data-count=accepted]').textContent()).toBe('4');
    expect(await result.locator('[data-count=flagged]').textContent()).toBe('2');
    expect(await result.locator('thead th').allTextContents()).toContain('已导入，请核对');
    expect(await result.locator('[data-table=import-rejections]').count()).toBe(0);
    expect(await result.locator('[data-table=import-flags] tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/^第 4 行第 4–5 行与第 2–3 行完全相同（同一笔交易）/),
      expect.stringMatching(/^第 5 行第 4–5 行与第 2–3 行完全相同/),
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), result.locator('[data-action=download-rejected]').click()]);
    const rows: string[][] = parse(readFileSync((await download.path())!, 'utf8'), { bom: true });
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ['行号 line', '状态 status'],
      ['4', '已导入，请核对 stored, please check'],
      ['5', '已导入，请核对 stored, please check'],
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says the same in English on the English page', async () => {
    const { context, page } = await signedInPage({ browser, server, username: 'import-admin-en', role: 'admin', locale: 'en-US' });
    await openView(page, '/?page=imports');
    await importFile(page, 'sales.csv', wrongColumn());
    expect(await page.locator('[data-message=import]').textContent()).toBe(
      "Not imported: sales.csv: looks like transactions of profile cn-card but lacks the required column 交易时间 (or 消费时间, 刷卡时间); rename the file's column to one of these",
    );
    await context.close();
  });
});
