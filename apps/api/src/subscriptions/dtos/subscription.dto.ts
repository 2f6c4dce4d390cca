import { IsEmail, IsIn, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { REPORT_PERIODS, type ReportPeriod, SUBSCRIBABLE_ALERTS } from '@larder/delivery';
import { REPORT_KINDS, REPORT_LANGUAGES } from '@larder/reporting';

export class CreateSubscriptionDto {
  @IsIn(['report', 'alert'])
  topic!: 'report' | 'alert';

  @IsIn([...REPORT_KINDS, ...SUBSCRIBABLE_ALERTS], { message: `subject must be a report (${REPORT_KINDS.join(', ')}) or an alert (${SUBSCRIBABLE_ALERTS.join(', ')})` })
  subject!: string;

  @IsOptional()
  @IsIn(REPORT_PERIODS)
  period?: ReportPeriod;

  @IsOptional()
  @IsString()
  @Length(1, 32)
  canteen?: string;

  @IsIn(REPORT_LANGUAGES)
  language!: string;

  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'webhookUrl must be an http(s) address' })
  @MaxLength(2000)
  webhookUrl?: string;
}

export class UnsubscribeQueryDto {
  @IsString()
  @Length(16, 64)
  token!: string;
}
