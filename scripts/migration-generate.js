#!/usr/bin/env node
// Writes a migration for the difference between the entities and the migrated schema.
// Runs against a scratch database on the PostgreSQL server named by DATABASE_URL, which it
// creates and drops, so the generated SQL is exactly what PostgreSQL needs (up and down).
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Client } = require('pg');
const { DataSource } = require('typeorm');

async function main() {
  const name = process.argv[2];
  const serverUrl = process.env.DATABASE_URL;
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:generate -- PascalCaseName');
  if (!serverUrl) throw new Error('DATABASE_URL must name a PostgreSQL server to diff against');
  const { dataSourceOptions } = require('../dist/libs/database/src/data-source-options');
  const scratch = `larder_migration_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  const dataSource = new DataSource(dataSourceOptions(url.toString()));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) return console.log('no changes: the entities match the migrations');
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (query) => `    await queryRunner.query(${JSON.stringify(query.query)});`;
    const body = [
      "import { MigrationInterface, QueryRunner } from 'typeorm';",
      '',
      `export class ${className} implements MigrationInterface {`,
      `  name = '${className}';`,
      '',
      '  async up(queryRunner: QueryRunner): Promise<void> {',
      ...sql.upQueries.map(quote),
      '  }',
      '',
      '  async down(queryRunner: QueryRunner): Promise<void> {',
      ...sql.downQueries.reverse().map(quote),
      '  }',
      '}',
      '',
    ].join('\n');
    const file = join(__dirname, '..', 'libs', 'database', 'src', 'migrations', `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.migration.ts`);
    writeFileSync(file, body);
    console.log(`wrote ${file}\nadd ${className} to libs/database/src/migrations/index.ts`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
