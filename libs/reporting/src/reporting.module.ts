import { Module } from '@nestjs/common';
import { FiguresModule } from '@larder/analytics';
import { AuthModule } from '@larder/auth';
import { ProcurementModule } from '@larder/procurement';
import { CongressDataService } from './services/congress-data.service';
import { FinanceReportService } from './services/finance-report.service';
import { ReportDataService } from './services/report-data.service';
import { PaymentSourceService } from './services/payment-source.service';
import { ReportScopeService } from './services/report-scope.service';
import { ReportService } from './services/report.service';
import { MenuProposalWorkbookService } from './services/menu-proposal-workbook.service';
import { PurchaseOrderSheetService } from './services/purchase-order-sheet.service';
import { PdfConverterService } from './services/pdf-converter.service';
import { ReportWriters } from './services/report-writers.service';
import { SupplierComparisonSheetService } from './services/supplier-comparison-sheet.service';

@Module({
  imports: [FiguresModule, AuthModule, ProcurementModule],
  providers: [
    CongressDataService,
    ReportScopeService,
    PaymentSourceService,
    FinanceReportService,
    ReportDataService,
    ReportWriters,
    ReportService,
    PurchaseOrderSheetService,
    SupplierComparisonSheetService,
    PdfConverterService,
    MenuProposalWorkbookService,
  ],
  exports: [ReportService, PurchaseOrderSheetService, MenuProposalWorkbookService],
})
export class ReportingModule {}
