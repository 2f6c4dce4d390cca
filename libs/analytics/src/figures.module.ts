import { Module } from '@nestjs/common';
import { AccuracyService } from './accuracy.service';
import { ForecastValueAddedService } from './forecast-value-added.service';
import { BudgetService } from './budget/budget.service';
import { FinanceBudgetService } from './budget/finance-budget.service';
import { FinanceChangesService } from './budget/finance-changes.service';
import { StaffGroupsService } from './budget/staff-groups.service';
import { CommentThemesService } from './comment-themes.service';
import { FinanceService } from './finance.service';
import { OverviewService } from './overview.service';
import { ParticipationService } from './participation.service';
import { ReleasedSatisfactionService } from './released-satisfaction.service';
import { SatisfactionService } from './satisfaction.service';
import { MealSubsidyService } from './meal-subsidy.service';
import { SubsidyReachService } from './subsidy-reach.service';
import { SupplierSpendService } from './spend/supplier-spend.service';
import { WasteService } from './waste.service';

const FIGURES = [
  OverviewService,
  FinanceService,
  ParticipationService,
  SatisfactionService,
  ReleasedSatisfactionService,
  WasteService,
  AccuracyService,
  ForecastValueAddedService,
  CommentThemesService,
  SubsidyReachService,
  MealSubsidyService,
  BudgetService,
  FinanceBudgetService,
  FinanceChangesService,
  StaffGroupsService,
  SupplierSpendService,
];

/** The figures reports and the dashboard share: each computed once, here. */
@Module({ providers: FIGURES, exports: FIGURES })
export class FiguresModule {}
