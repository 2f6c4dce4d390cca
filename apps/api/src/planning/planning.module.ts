import { Module } from '@nestjs/common';
import { ProcurementModule } from '@larder/procurement';
import { PlansController } from './plans.controller';
import { PurchaseOrdersController } from './purchase-orders.controller';

@Module({ imports: [ProcurementModule], controllers: [PlansController, PurchaseOrdersController] })
export class PlanningModule {}
