import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Canteen × day × meal: the rating counts of that meal's feedback, so a trend of ratings is a sum
 * over one small row per meal instead of a count of distinct diners over every answer. Diners do
 * not add up across rows (one diner may answer at two meals); readers take the busiest row as a
 * lower bound and the sum as an upper one, and count the answers themselves only where those
 * bounds leave the five-diner threshold open. Rebuilt from the feedback whenever its canteen-days are.
 */
@Entity()
export class DailyFeedbackRollup {
  @PrimaryColumn({ type: 'integer' })
  canteenId!: number;

  @PrimaryColumn({ type: 'date' })
  serviceDate!: string;

  /** '' for answers given without a meal, which a meal filter leaves out. */
  @PrimaryColumn({ type: 'text' })
  meal!: string;

  @Column({ type: 'integer', default: 0 })
  responses!: number;

  /** Answers without a diner's pseudonym: each counts as a diner of its own. */
  @Column({ type: 'integer', default: 0 })
  anonymous!: number;

  /** Distinct pseudonymous diners who answered. */
  @Column({ type: 'integer', default: 0 })
  diners!: number;

  @Column({ type: 'integer', default: 0 })
  ratingSum!: number;

  /** Ratings of 4 or 5. */
  @Column({ type: 'integer', default: 0 })
  satisfied!: number;

  /** Ratings of 1 or 2. */
  @Column({ type: 'integer', default: 0 })
  dissatisfied!: number;
}
