import { Module } from '@nestjs/common';
import { ProcurementModule } from '@larder/procurement';
import { PlansController } from './plans.controller';

@Module({ imports: [ProcurementModule], controllers: [PlansController] })
export class PlanningModule {}
