#!/usr/bin/env node
// Creates the database named in DATABASE_URL if it does not exist (connecting to "postgres").
import pg from "pg";

const url = new URL(process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/alcance");
const name = decodeURIComponent(url.pathname.slice(1));
if (!/^[\w-]+$/.test(name)) {
  console.error(`Refusing to create a database with the name "${name}".`);
  process.exit(1);
}
const admin = new URL(url);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
if (rowCount === 0) {
  await client.query(`CREATE DATABASE "${name}"`);
  console.error(`[create-database] created ${name}`);
}
await client.end();
