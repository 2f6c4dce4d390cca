import { Module } from '@nestjs/common';
import { ProcurementModule } from '@larder/procurement';
import { ReportingModule } from '@larder/reporting';
import { MenuController } from './menu.controller';
import { PlansController } from './plans.controller';
import { PurchaseOrdersController } from './purchase-orders.controller';
import { StockController } from './stock.controller';
import { SupplierComparisonController } from './supplier-comparison.controller';

@Module({ imports: [ProcurementModule, ReportingModule], controllers: [PlansController, PurchaseOrdersController, StockController, SupplierComparisonController, MenuController] })
export class PlanningModule {}
