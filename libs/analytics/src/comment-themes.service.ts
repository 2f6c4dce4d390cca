import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { query } from '@larder/database';
import { commentThemes, CommentRow } from './comment-themes.calculator';
import type { CommentThemeGroup } from './dashboard/dashboard.contract';
import type { ReleasedSatisfaction, ReleasedSatisfactionScope } from './released-satisfaction.service';

/** The comments of the released weeks, with the cell (canteen, meal, week, dish) each belongs to. */
const COMMENTS_SQL = `
SELECT canteen_id, meal, to_char(service_date, 'IYYY-"W"IW') AS week, COALESCE(dish_id, 0) AS dish,
       COALESCE(diner_pseudonym, 'anonymous:' || canteen_id || ':' || id) AS diner, tags, comment
FROM feedback
WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4)
  AND comment IS NOT NULL AND btrim(comment) <> ''`;

interface CommentSqlRow {
  canteen_id: number;
  meal: string;
  week: string;
  dish: number;
  diner: string;
  tags: string[] | null;
  comment: string;
}

/**
 * Comment themes for the satisfaction page. Like every union figure they come from released cells
 * only (released-cells.calculator.ts): a comment whose canteen × meal × week cell is not released
 * is not read into any theme, and one whose dish is not a released child counts for its canteen
 * alone. Within each cell, commentThemes counts only parts of five diners or more (the tag rule).
 */
@Injectable()
export class CommentThemesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  async themes(scope: ReleasedSatisfactionScope, released: ReleasedSatisfaction): Promise<CommentThemeGroup[]> {
    if (released.period === null || released.cells.parents.length === 0) return [];
    const cellKey = (row: { canteenId: number; meal: string; week: string }) => `${row.canteenId}|${row.meal}|${row.week}`;
    const parents = new Set(released.cells.parents.map(cellKey));
    const children = new Set(released.cells.children.map((child) => `${cellKey(child)}|${child.dishId}`));
    const rows = await query<CommentSqlRow>(this.dataSource, COMMENTS_SQL, [released.period.from, released.period.to, scope.canteenIds, scope.meal ?? null]);
    const comments: CommentRow[] = [];
    for (const row of rows) {
      const cell = cellKey({ canteenId: row.canteen_id, meal: row.meal, week: row.week });
      if (!parents.has(cell)) continue;
      const dishId = row.dish;
      comments.push({ cell, canteenId: row.canteen_id, dishId: children.has(`${cell}|${dishId}`) ? dishId : 0, diner: row.diner, tags: row.tags ?? [], comment: row.comment });
    }
    return commentThemes(comments, this.config.feedback);
  }
}
