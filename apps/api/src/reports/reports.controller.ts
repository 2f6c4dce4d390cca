import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, mayReadMoney, Principal, principalName, Roles, TokenScopes } from '@larder/auth';
import { decodeText, LarderError } from '@larder/common';
import { CanteenScope, Role } from '@larder/domain';
import { isReportKind, mayReadReport, REPORT_KINDS, REPORT_LANGUAGES, REPORT_READERS, ReportKind, ReportLanguage, ReportService } from '@larder/reporting';
import { CanteenAccess } from '../auth/canteen-access.decorator';
import { contentDisposition } from '../http/content-disposition';
import { FileAnswer, MEAL, QueryParameters } from '../openapi/documentation.decorators';
import { ReconciliationAnswer } from './dtos/reconciliation-answer.dto';
import { SettlementFileDto } from './dtos/settlement-file.dto';

/** The roles that read any of the reports, as the contract lists them; admins pass every route anyway. */
function readersOf(kinds: readonly ReportKind[]): Role[] {
  return [...new Set(kinds.flatMap((kind) => REPORT_READERS[kind]))].filter((role) => role !== 'admin');
}

/** What a caller asked for, before its scope is checked against the caller's canteens. */
interface AskedReport {
  kind: ReportKind;
  month?: string;
  week?: string;
  canteen?: string | string[];
  meal?: string;
  dish?: string;
  lang?: string;
  principal: Principal;
  canteens: CanteenScope;
  planIds?: string[];
  paymentsDetail?: boolean;
  settlement?: { name: string; text: string };
}

const FINANCE_QUERY = {
  month: 'A month (YYYY-MM)',
  canteen: 'Canteens by code or id, comma-separated; all when absent (a manager must name only theirs)',
  lang: { description: 'Language (default zh-CN)', enum: REPORT_LANGUAGES },
} as const;

/** The settlement file's bytes as text: UTF-8, or GBK as Chinese banks' exports often are. */
function settlementOf(body: SettlementFileDto): { name: string; text: string } {
  return { name: body.fileName, text: decodeText(Buffer.from(body.contentBase64, 'base64')) };
}

/**
 * `GET /api/reports/:kind?month=|week=&canteen=&meal=&lang=` (purchase-plan also `&plan=`, accuracy also `&dish=`): the workbook, streamed as it is written,
 * of the canteens named (`canteen=C01,C02` or `canteen` repeated; all when absent) and one meal or all;
 * `GET /api/reports/finance/payments?month=`: the payments detail for audit;
 * `POST /api/reports/finance/reconciliation?month=` and `POST /api/reports/finance?month=` with a
 * settlement file: the month reconciled, as figures for the page or inside the finance workbook.
 */
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly reports: ReportService) {}

  /** Declared before `:kind`: the month's payments, one line each, for audit, apart from the printable finance workbook. */
  @Get('finance/payments')
  @ApiOperation({ summary: `The month's payments, one line each, as a streamed Excel workbook for audit (readers: ${REPORT_READERS.finance.join(', ')}); the finance workbook leaves them out` })
  @QueryParameters({ month: 'A month (YYYY-MM)', canteen: 'A canteen by code (a manager must name one of theirs)', lang: { description: 'Language (default zh-CN)', enum: REPORT_LANGUAGES } })
  @FileAnswer('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The payments, streamed as they are read')
  @Roles(...readersOf(['finance']))
  @TokenScopes('read')
  async payments(
    @Res() response: Response,
    @CanteenAccess() canteens: CanteenScope,
    @CurrentPrincipal() principal: Principal,
    @Query('month') month?: string,
    @Query('canteen') canteen?: string,
    @Query('lang') lang?: string,
  ): Promise<void> {
    await this.send(response, { kind: 'finance', month, canteen, lang, principal, canteens, paymentsDetail: true });
  }

  @Post('finance/reconciliation')
  @HttpCode(200)
  @ApiOperation({ summary: `A card or bank settlement file set against the month's payments, day by day and channel by channel (readers: ${REPORT_READERS.finance.join(', ')})` })
  @QueryParameters(FINANCE_QUERY)
  @ApiOkResponse({ type: ReconciliationAnswer })
  @Roles(...readersOf(['finance']))
  @TokenScopes('read')
  async reconciliation(
    @Body() body: SettlementFileDto,
    @CanteenAccess() canteens: CanteenScope,
    @CurrentPrincipal() principal: Principal,
    @Query('month') month?: string,
    @Query('canteen') canteen?: string,
    @Query('lang') lang?: string,
  ): Promise<ReconciliationAnswer> {
    const settlement = settlementOf(body);
    const { request, prepared } = await this.authorise({ kind: 'finance', month, canteen, lang, principal, canteens, settlement });
    return this.reports.reconcileFinance({ ...request, settlement }, prepared);
  }

  @Post('finance')
  @HttpCode(200)
  @ApiOperation({ summary: `The finance workbook with its reconciliation sheet made from the settlement file sent (readers: ${REPORT_READERS.finance.join(', ')})` })
  @QueryParameters({ ...FINANCE_QUERY, meal: MEAL })
  @FileAnswer('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The workbook, streamed as it is written')
  @Roles(...readersOf(['finance']))
  @TokenScopes('read')
  async financeWithSettlement(
    @Body() body: SettlementFileDto,
    @Res() response: Response,
    @CanteenAccess() canteens: CanteenScope,
    @CurrentPrincipal() principal: Principal,
    @Query('month') month?: string,
    @Query('canteen') canteen?: string,
    @Query('meal') meal?: string,
    @Query('lang') lang?: string,
  ): Promise<void> {
    await this.send(response, { kind: 'finance', month, canteen, meal, lang, principal, canteens, settlement: settlementOf(body) });
  }

  @Get(':kind')
  @ApiOperation({ summary: `A report as an Excel workbook; readers per kind: ${REPORT_KINDS.map((kind) => `${kind} (${REPORT_READERS[kind].join(', ')})`).join(', ')}` })
  @ApiParam({ name: 'kind', enum: REPORT_KINDS })
  @QueryParameters({
    month: 'A month (YYYY-MM), for monthly reports',
    week: 'An ISO week (2026-W50), for weekly reports',
    canteen: 'Canteens by code or id, comma-separated or repeated; all when absent (a manager must name only theirs)',
    meal: MEAL,
    dish: 'Accuracy only: one dish by code or id, its forecasts against its portions sold; covers and every dish when absent',
    lang: { description: 'Language (default zh-CN)', enum: REPORT_LANGUAGES },
  })
  @FileAnswer('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'The workbook, streamed as it is written')
  @Roles(...readersOf(REPORT_KINDS))
  @TokenScopes('read')
  async report(
    @Param('kind') kind: string,
    @Res() response: Response,
    @CanteenAccess() canteens: CanteenScope,
    @CurrentPrincipal() principal: Principal,
    @Query('month') month?: string,
    @Query('week') week?: string,
    @Query('canteen') canteen?: string | string[],
    @Query('lang') lang?: string,
    @Query('plan') plan?: string,
    @Query('meal') meal?: string,
    @Query('dish') dish?: string,
  ): Promise<void> {
    if (!isReportKind(kind)) throw new LarderError('NOT_FOUND', `no report ${JSON.stringify(kind)}; reports: ${REPORT_KINDS.join(', ')}`);
    if (plan !== undefined && (kind !== 'purchase-plan' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(plan))) {
      throw new LarderError('VALIDATION_FAILED', 'query parameter "plan" is a plan id, for the purchase-plan report only');
    }
    if (meal !== undefined && typeof meal !== 'string') throw new LarderError('VALIDATION_FAILED', 'query parameter "meal" names one meal period');
    if (dish !== undefined && typeof dish !== 'string') throw new LarderError('VALIDATION_FAILED', 'query parameter "dish" names one dish, by code or id');
    await this.send(response, { kind, month, week, canteen, meal, dish, lang, principal, canteens, ...(plan !== undefined ? { planIds: [plan] } : {}) });
  }

  /** Checks the language, the caller's role and canteens, and prepares the report's scope and file name. */
  private async authorise(asked: AskedReport) {
    const { kind, lang, principal, canteens } = asked;
    if (lang !== undefined && !(REPORT_LANGUAGES as readonly string[]).includes(lang)) {
      throw new LarderError('VALIDATION_FAILED', `query parameter "lang" must be one of ${REPORT_LANGUAGES.join(', ')}`);
    }
    if (principal.kind === 'user' && !mayReadReport(principal.role, kind)) {
      throw new LarderError('FORBIDDEN', `the ${kind} report is not open to the ${principal.role} role`);
    }
    const request = {
      kind,
      month: asked.month,
      week: asked.week,
      canteen: asked.canteen,
      meal: asked.meal,
      ...(asked.dish !== undefined ? { dish: asked.dish } : {}),
      language: lang as ReportLanguage | undefined,
      money: mayReadMoney(principal),
      requestedBy: principalName(principal),
      ...(asked.planIds !== undefined ? { planIds: asked.planIds } : {}),
      ...(asked.paymentsDetail ? { paymentsDetail: true } : {}),
      ...(asked.settlement !== undefined ? { settlement: asked.settlement } : {}),
    };
    const prepared = await this.reports.prepare(request);
    if (canteens !== 'all' && (prepared.scope.allCanteens || !prepared.scope.canteenIds.every((id) => canteens.includes(id)))) {
      throw new LarderError('FORBIDDEN', 'choose only your canteens with ?canteen=');
    }
    return { request, prepared };
  }

  private async send(response: Response, asked: AskedReport): Promise<void> {
    const { request, prepared } = await this.authorise(asked);
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('Content-Disposition', contentDisposition(prepared.fileName));
    response.setHeader('Cache-Control', 'no-store');
    try {
      await this.reports.write(request, response, prepared);
    } catch (error) {
      // Once the workbook has started, the status is sent: cut the download so it cannot pass for complete.
      if (response.headersSent) response.destroy(error as Error);
      else throw error;
    }
  }
}
