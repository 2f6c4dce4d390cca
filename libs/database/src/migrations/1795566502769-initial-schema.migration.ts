import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795566502769 implements MigrationInterface {
  name = 'InitialSchema1795566502769';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL, "username" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "canteen_ids" integer array NOT NULL DEFAULT \'{}\', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "api_token" ("id" uuid NOT NULL, "name" text NOT NULL, "token_hash" text NOT NULL, "scopes" text array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_bafaa5aab5957cd193fb2da8f24" UNIQUE ("token_hash"), CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE TABLE "app_setting" ("key" text NOT NULL, "value" text NOT NULL, CONSTRAINT "PK_0d66bfb0d9f93124a4549d21af0" PRIMARY KEY ("key"))');
    await queryRunner.query(
      'CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor" text NOT NULL, "action" text NOT NULL, "detail" jsonb NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_ba27cef5b8b2b1a756e06ebcc5" ON "audit_log"  ("at") ');
    await queryRunner.query(
      'CREATE TABLE "calendar_day" ("day" date NOT NULL, "kind" text NOT NULL, "holiday_name" text, "holiday_name_zh" text, CONSTRAINT "PK_0f0fd32432f4e23544a28c0562b" PRIMARY KEY ("day"))',
    );
    await queryRunner.query(
      'CREATE TABLE "canteen" ("id" integer NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "name_en" text NOT NULL, "site_id" integer NOT NULL, "timezone" text NOT NULL DEFAULT \'Asia/Shanghai\', "seats" integer NOT NULL, "opens_weekends" boolean NOT NULL DEFAULT false, CONSTRAINT "UQ_c34ba272c9fbaba48c8bc18055f" UNIQUE ("code"), CONSTRAINT "PK_a14ae60f38a92c28383504afda3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "canteen_closure" ("canteen_id" integer NOT NULL, "from_date" date NOT NULL, "to_date" date NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_83d895b0d9182a86aa547a161e5" PRIMARY KEY ("canteen_id", "from_date"))',
    );
    await queryRunner.query(
      'CREATE TABLE "daily_dish_rollup" ("canteen_id" integer NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "dish_id" integer NOT NULL, "quantity" integer NOT NULL DEFAULT \'0\', "revenue_fen" bigint NOT NULL DEFAULT \'0\', "subsidy_fen" bigint NOT NULL DEFAULT \'0\', "diners" integer NOT NULL DEFAULT \'0\', "prepared" integer NOT NULL DEFAULT \'0\', "wasted_portions" integer NOT NULL DEFAULT \'0\', "wasted_kg" numeric(12,3) NOT NULL DEFAULT \'0\', CONSTRAINT "PK_87dc69ea07adeace8f4fc256c4f" PRIMARY KEY ("canteen_id", "service_date", "meal", "dish_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "daily_meal_rollup" ("canteen_id" integer NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "covers" integer NOT NULL DEFAULT \'0\', "transactions" integer NOT NULL DEFAULT \'0\', "refunds" integer NOT NULL DEFAULT \'0\', "paid_fen" bigint NOT NULL DEFAULT \'0\', "subsidy_fen" bigint NOT NULL DEFAULT \'0\', "paid_by_channel" jsonb NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_06ff6147cdbde6f3090f773afd0" PRIMARY KEY ("canteen_id", "service_date", "meal"))',
    );
    await queryRunner.query(
      'CREATE TABLE "dish" ("id" integer NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "name_en" text NOT NULL, "category" text NOT NULL, "list_price_fen" integer NOT NULL, "subsidised_price_fen" integer NOT NULL, "portion_kg" numeric(8,3) NOT NULL, "introduced_on" date, "retired_on" date, CONSTRAINT "UQ_fe02107da91b6f5cf2627a73ec5" UNIQUE ("code"), CONSTRAINT "PK_59ac7b35af39b231276bfc4c00c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "feedback" ("canteen_id" integer NOT NULL, "id" bigint NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "service_date" date NOT NULL, "meal" text, "dish_id" integer, "rating" smallint NOT NULL, "tags" text array NOT NULL DEFAULT \'{}\', "comment" text, "diner_pseudonym" text, "batch_id" uuid, CONSTRAINT "CHK_08628264603dd429f79bfdcf0b" CHECK ("rating" BETWEEN 1 AND 5), CONSTRAINT "PK_fbcf9efa410f8ed7ad24ccd4fcc" PRIMARY KEY ("canteen_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_f644c5b7f06dff2d1ada1faa38" ON "feedback"  ("canteen_id", "service_date") ');
    await queryRunner.query(
      'CREATE TABLE "forecast_run" ("id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "as_of" date NOT NULL, "horizon_days" integer NOT NULL, "status" text NOT NULL, CONSTRAINT "PK_0aa3ac84110eff6a742af36f7f5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "forecast" ("canteen_id" integer NOT NULL, "run_id" uuid NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "dish_id" integer NOT NULL, "model" text NOT NULL, "p50" numeric(12,2) NOT NULL, "p10" numeric(12,2) NOT NULL, "p90" numeric(12,2) NOT NULL, "quantiles" jsonb NOT NULL DEFAULT \'{}\', "backtest_wape" numeric(8,4), CONSTRAINT "PK_f0cd64ed493174471d294efce30" PRIMARY KEY ("canteen_id", "run_id", "service_date", "meal", "dish_id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_eab2721725202bf1d6a838b0cb" ON "forecast"  ("canteen_id", "service_date") ');
    await queryRunner.query(
      'CREATE TABLE "headcount" ("site_id" integer NOT NULL, "day" date NOT NULL, "employees" integer NOT NULL, "on_duty" integer NOT NULL, "on_leave" integer NOT NULL, "travelling" integer NOT NULL, "overtime" integer NOT NULL, "remote" integer NOT NULL, CONSTRAINT "PK_d6f019a26f6bbcd76cf630eadaa" PRIMARY KEY ("site_id", "day"))',
    );
    await queryRunner.query(
      'CREATE TABLE "import_batch" ("id" uuid NOT NULL, "kind" text NOT NULL, "source" text NOT NULL, "file_name" text, "checksum" text, "created_by" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL, "accepted" integer NOT NULL DEFAULT \'0\', "rejected" integer NOT NULL DEFAULT \'0\', "duplicates" integer NOT NULL DEFAULT \'0\', "error" text, CONSTRAINT "PK_f408daa3bbc77ffc37eca041312" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ingredient" ("id" integer NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "name_en" text NOT NULL, "unit" text NOT NULL, "shelf_life_days" integer NOT NULL, "storage" text NOT NULL, CONSTRAINT "UQ_a128deb30979b06c8bba38cccd4" UNIQUE ("code"), CONSTRAINT "PK_6f1e945604a0b59f56a57570e98" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "job_run" ("id" uuid NOT NULL, "name" text NOT NULL, "trigger" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL, "error" text, CONSTRAINT "PK_96fe0b041b8bc157dcec25bd8ef" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_499e2a81304d11ead831a0ce13" ON "job_run"  ("name", "started_at") ');
    await queryRunner.query(
      'CREATE TABLE "job_step" ("run_id" uuid NOT NULL, "step_no" integer NOT NULL, "name" text NOT NULL, "canteen_id" integer, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT \'1\', "counts" jsonb NOT NULL DEFAULT \'{}\', "error" text, CONSTRAINT "PK_21934af87fae095da85f5923950" PRIMARY KEY ("run_id", "step_no"))',
    );
    await queryRunner.query(
      'CREATE TABLE "meal_period" ("canteen_id" integer NOT NULL, "meal" text NOT NULL, "starts_at" TIME NOT NULL, "ends_at" TIME NOT NULL, CONSTRAINT "PK_2b98e6391d239e317cca31817d0" PRIMARY KEY ("canteen_id", "meal"))',
    );
    await queryRunner.query(
      'CREATE TABLE "menu_item" ("canteen_id" integer NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "dish_id" integer NOT NULL, CONSTRAINT "PK_02c3d7f05eada3ab3b25b04d31d" PRIMARY KEY ("canteen_id", "service_date", "meal", "dish_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "production_plan" ("id" uuid NOT NULL, "canteen_id" integer NOT NULL, "week" text NOT NULL, "version" integer NOT NULL, "status" text NOT NULL, "service_level" numeric(5,4), "forecast_run_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" text NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by" text, CONSTRAINT "PK_1e766034d762f195715d9051327" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_d30987836d1d2ed1d54d995cdb" ON "production_plan"  ("canteen_id", "week", "version") ');
    await queryRunner.query(
      'CREATE TABLE "plan_line" ("plan_id" uuid NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "dish_id" integer NOT NULL, "canteen_id" integer NOT NULL, "forecast_p50" numeric(12,2) NOT NULL, "service_level" numeric(5,4) NOT NULL, "planned_portions" integer NOT NULL, "expected_leftover" numeric(12,2) NOT NULL, "expected_shortfall" numeric(12,2) NOT NULL, CONSTRAINT "PK_5765deae951aa0c0623c1f86255" PRIMARY KEY ("plan_id", "service_date", "meal", "dish_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "plan_override" ("id" uuid NOT NULL, "plan_id" uuid NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "dish_id" integer NOT NULL, "previous_portions" integer NOT NULL, "new_portions" integer NOT NULL, "reason" text NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c848e4cbdb6c0a1ea520c976387" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "production_log" ("canteen_id" integer NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "dish_id" integer NOT NULL, "portions_prepared" integer NOT NULL, "batch_id" uuid, CONSTRAINT "PK_75c21052d6af7095622e8964d89" PRIMARY KEY ("canteen_id", "service_date", "meal", "dish_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "purchase_order" ("id" uuid NOT NULL, "canteen_id" integer NOT NULL, "plan_id" uuid, "supplier_id" integer NOT NULL, "order_date" date NOT NULL, "delivery_date" date NOT NULL, "status" text NOT NULL, "total_fen" bigint NOT NULL, CONSTRAINT "PK_ad3e1c7b862f4043b103a6c8c60" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_6cdaa29bf5cc289a67d7d89d92" ON "purchase_order"  ("canteen_id", "delivery_date") ');
    await queryRunner.query(
      'CREATE TABLE "purchase_order_line" ("order_id" uuid NOT NULL, "supplier_item_id" integer NOT NULL, "canteen_id" integer NOT NULL, "ingredient_id" integer NOT NULL, "packs" integer NOT NULL, "pack_price_fen" integer NOT NULL, "amount_fen" bigint NOT NULL, "needed_quantity" numeric(12,3) NOT NULL, CONSTRAINT "PK_a2c09478ae4a7cb24a8e860fcc8" PRIMARY KEY ("order_id", "supplier_item_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "quarantine_row" ("id" BIGSERIAL NOT NULL, "batch_id" uuid NOT NULL, "file_name" text NOT NULL, "line" integer NOT NULL, "field" text, "reason" text NOT NULL, "raw" jsonb NOT NULL, CONSTRAINT "PK_38eb63e1875b0ea3d32edd91268" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_46a3febea6ed3e46be57120383" ON "quarantine_row"  ("batch_id") ');
    await queryRunner.query(
      'CREATE TABLE "recipe_line" ("dish_id" integer NOT NULL, "ingredient_id" integer NOT NULL, "quantity_per_portion" numeric(10,4) NOT NULL, "yield_loss" numeric(5,4) NOT NULL, CONSTRAINT "PK_38ed9da36060078c27fd76d7272" PRIMARY KEY ("dish_id", "ingredient_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "site" ("id" integer NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "name_en" text NOT NULL, CONSTRAINT "UQ_56cf02fa98a3b4129ee1b886a93" UNIQUE ("code"), CONSTRAINT "PK_635c0eeabda8862d5b0237b42b4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "stock_count" ("canteen_id" integer NOT NULL, "counted_on" date NOT NULL, "ingredient_id" integer NOT NULL, "quantity" numeric(12,3) NOT NULL, "batch_id" uuid, CONSTRAINT "PK_499e34d353a007f13236d6457d4" PRIMARY KEY ("canteen_id", "counted_on", "ingredient_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "subsidy_rule" ("valid_from" date NOT NULL, "meal" text NOT NULL, "subsidy_fen" integer NOT NULL, CONSTRAINT "PK_058601564b16ce70ddc0ebcb06b" PRIMARY KEY ("valid_from", "meal"))',
    );
    await queryRunner.query(
      'CREATE TABLE "supplier" ("id" integer NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "name_en" text NOT NULL, "contact" text, CONSTRAINT "UQ_e1183babf2fed1bb440905b1e53" UNIQUE ("code"), CONSTRAINT "PK_2bc0d2cab6276144d2ff98a2828" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "supplier_item" ("id" integer NOT NULL, "supplier_id" integer NOT NULL, "ingredient_id" integer NOT NULL, "sku" text NOT NULL, "pack_size" numeric(10,3) NOT NULL, "min_order_packs" integer NOT NULL, "lead_time_days" integer NOT NULL, "delivery_weekdays" smallint array NOT NULL, "order_cutoff" TIME NOT NULL, CONSTRAINT "PK_933774ac5a4cc636e982dc5ae7c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_9a1e4e628c2e497b2f2582ad34" ON "supplier_item"  ("ingredient_id") ');
    await queryRunner.query(
      'CREATE TABLE "supplier_price" ("supplier_item_id" integer NOT NULL, "valid_from" date NOT NULL, "pack_price_fen" integer NOT NULL, CONSTRAINT "PK_edc66438f00d037074f734922cd" PRIMARY KEY ("supplier_item_id", "valid_from"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sale_transaction" ("canteen_id" integer NOT NULL, "id" bigint NOT NULL, "source" text NOT NULL, "external_id" text NOT NULL, "terminal" text NOT NULL, "diner_pseudonym" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "service_date" date NOT NULL, "meal" text NOT NULL, "kind" text NOT NULL, "amount_paid_fen" integer NOT NULL, "subsidy_fen" integer NOT NULL, "channel" text NOT NULL, "refund_of_external_id" text, "batch_id" uuid, CONSTRAINT "PK_50ea5a3038ea3b591d9e5a58651" PRIMARY KEY ("canteen_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_df0424934e9b11ef74e5238c71" ON "sale_transaction"  ("canteen_id", "service_date") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_21de4c67399d704fd8a62da228" ON "sale_transaction"  ("canteen_id", "source", "external_id") ');
    await queryRunner.query(
      'CREATE TABLE "sale_line" ("canteen_id" integer NOT NULL, "transaction_id" bigint NOT NULL, "line_no" smallint NOT NULL, "dish_id" integer NOT NULL, "quantity" integer NOT NULL, "unit_price_fen" integer NOT NULL, "amount_fen" integer NOT NULL, "subsidy_fen" integer NOT NULL, CONSTRAINT "PK_5ca8a8cf5fe2d6a86fc92338d0d" PRIMARY KEY ("canteen_id", "transaction_id", "line_no"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_21676e12b3fd4a0ff9adacc22f" ON "sale_line"  ("canteen_id", "dish_id") ');
    await queryRunner.query(
      'CREATE TABLE "waste_log" ("canteen_id" integer NOT NULL, "id" bigint NOT NULL, "service_date" date NOT NULL, "meal" text, "kind" text NOT NULL, "dish_id" integer, "ingredient_id" integer, "kg" numeric(10,3) NOT NULL, "portions" integer, "batch_id" uuid, CONSTRAINT "PK_4dd3e8f0c3ffd61419c60c39eb5" PRIMARY KEY ("canteen_id", "id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_f89449aca2e5491cc5b8f60fc7" ON "waste_log"  ("canteen_id", "service_date") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_f89449aca2e5491cc5b8f60fc7"');
    await queryRunner.query('DROP TABLE "waste_log"');
    await queryRunner.query('DROP INDEX "public"."IDX_21676e12b3fd4a0ff9adacc22f"');
    await queryRunner.query('DROP TABLE "sale_line"');
    await queryRunner.query('DROP INDEX "public"."IDX_21de4c67399d704fd8a62da228"');
    await queryRunner.query('DROP INDEX "public"."IDX_df0424934e9b11ef74e5238c71"');
    await queryRunner.query('DROP TABLE "sale_transaction"');
    await queryRunner.query('DROP TABLE "supplier_price"');
    await queryRunner.query('DROP INDEX "public"."IDX_9a1e4e628c2e497b2f2582ad34"');
    await queryRunner.query('DROP TABLE "supplier_item"');
    await queryRunner.query('DROP TABLE "supplier"');
    await queryRunner.query('DROP TABLE "subsidy_rule"');
    await queryRunner.query('DROP TABLE "stock_count"');
    await queryRunner.query('DROP TABLE "site"');
    await queryRunner.query('DROP TABLE "recipe_line"');
    await queryRunner.query('DROP INDEX "public"."IDX_46a3febea6ed3e46be57120383"');
    await queryRunner.query('DROP TABLE "quarantine_row"');
    await queryRunner.query('DROP TABLE "purchase_order_line"');
    await queryRunner.query('DROP INDEX "public"."IDX_6cdaa29bf5cc289a67d7d89d92"');
    await queryRunner.query('DROP TABLE "purchase_order"');
    await queryRunner.query('DROP TABLE "production_log"');
    await queryRunner.query('DROP TABLE "plan_override"');
    await queryRunner.query('DROP TABLE "plan_line"');
    await queryRunner.query('DROP INDEX "public"."IDX_d30987836d1d2ed1d54d995cdb"');
    await queryRunner.query('DROP TABLE "production_plan"');
    await queryRunner.query('DROP TABLE "menu_item"');
    await queryRunner.query('DROP TABLE "meal_period"');
    await queryRunner.query('DROP TABLE "job_step"');
    await queryRunner.query('DROP INDEX "public"."IDX_499e2a81304d11ead831a0ce13"');
    await queryRunner.query('DROP TABLE "job_run"');
    await queryRunner.query('DROP TABLE "ingredient"');
    await queryRunner.query('DROP TABLE "import_batch"');
    await queryRunner.query('DROP TABLE "headcount"');
    await queryRunner.query('DROP INDEX "public"."IDX_eab2721725202bf1d6a838b0cb"');
    await queryRunner.query('DROP TABLE "forecast"');
    await queryRunner.query('DROP TABLE "forecast_run"');
    await queryRunner.query('DROP INDEX "public"."IDX_f644c5b7f06dff2d1ada1faa38"');
    await queryRunner.query('DROP TABLE "feedback"');
    await queryRunner.query('DROP TABLE "dish"');
    await queryRunner.query('DROP TABLE "daily_meal_rollup"');
    await queryRunner.query('DROP TABLE "daily_dish_rollup"');
    await queryRunner.query('DROP TABLE "canteen_closure"');
    await queryRunner.query('DROP TABLE "canteen"');
    await queryRunner.query('DROP TABLE "calendar_day"');
    await queryRunner.query('DROP INDEX "public"."IDX_ba27cef5b8b2b1a756e06ebcc5"');
    await queryRunner.query('DROP TABLE "audit_log"');
    await queryRunner.query('DROP TABLE "app_setting"');
    await queryRunner.query('DROP TABLE "api_token"');
    await queryRunner.query('DROP TABLE "app_user"');
  }
}
