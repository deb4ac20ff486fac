/**
 * The environment every test process sees: a database and a Redis prefix of this run's own, so
 * the suite never touches the quickstart's data and two runs never collide.
 */
const run = process.env.ALCANCE_TEST_RUN ?? `${process.pid}`;
process.env.ALCANCE_TEST_RUN = run;

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = `alcance_test_${run}`;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export const TEST_DB_NAME = dbName;
export const TEST_ADMIN_URL = adminUrl;

export const TEST_ENV: Record<string, string> = {
  NODE_ENV: "test",
  ALCANCE_TEST_RUN: run,
  DATABASE_URL: withDatabase(adminUrl, dbName),
  REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
  REDIS_PREFIX: `alcance-test-${run}`,
  SESSION_SECRET: "test-session-secret-new-0123456789abcdef,test-session-secret-old",
  APP_KEY: "test-app-key-0123456789abcdef0123456789abcdef",
  // The server trusts X-Forwarded-For from loopback, so each test can act from its own address.
  TRUST_PROXY: "loopback",
  LOGIN_MAX_PER_IP: "20",
  LOGIN_MAX_PER_ACCOUNT: "5",
  // A resolver that never answers (nothing listens on the discard port): the settings page's DKIM
  // check says "DNS unreachable" on every machine, with or without a network.
  DKIM_DNS_SERVERS: "127.0.0.1:9",
};

for (const [key, value] of Object.entries(TEST_ENV)) process.env[key] = value;
