import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Injectable } from '@nestjs/common';
import { LarderError } from '@larder/common';

const run = promisify(execFile);
/** A one-page order prints in seconds; a stuck office process must not hold a download for ever. */
const CONVERT_TIMEOUT_MS = 120_000;

/**
 * Turns a workbook into a PDF with LibreOffice when it is installed on the server (`soffice` on the
 * PATH). Each conversion has a LibreOffice profile of its own, so two at once do not wait on the
 * profile's lock, and leaves nothing behind.
 */
@Injectable()
export class PdfConverterService {
  private soffice: Promise<string | null> | undefined;

  async available(): Promise<boolean> {
    return (await this.program()) !== null;
  }

  async toPdf(workbook: Buffer): Promise<Buffer> {
    const program = await this.program();
    if (program === null) throw new LarderError('UNAVAILABLE', 'LibreOffice is not installed on the server, so there is no PDF; the workbook prints on A4 as it is');
    const dir = await mkdtemp(join(tmpdir(), 'larder-pdf-'));
    try {
      const input = join(dir, 'sheet.xlsx');
      await writeFile(input, workbook);
      await run(program, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, input], { timeout: CONVERT_TIMEOUT_MS });
      return await readFile(join(dir, 'sheet.pdf')).catch(() => {
        throw new LarderError('UNAVAILABLE', 'LibreOffice did not turn the workbook into a PDF; download the workbook and print it');
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Where `soffice` is on the PATH, looked up once by the shell. */
  private program(): Promise<string | null> {
    this.soffice ??= run('/bin/sh', ['-c', 'command -v soffice']).then(
      ({ stdout }) => stdout.trim() || null,
      () => null,
    );
    return this.soffice;
  }
}
