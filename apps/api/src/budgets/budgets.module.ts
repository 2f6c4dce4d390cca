import { Module } from '@nestjs/common';
import { FiguresModule } from '@larder/analytics';
import { AuthModule } from '@larder/auth';
import { BudgetsController } from './budgets.controller';

@Module({ imports: [FiguresModule, AuthModule], controllers: [BudgetsController] })
export class BudgetsApiModule {}
