import { z } from "zod";

/**
 * Configuration from the environment, validated once at start-up. Everything has a local default
 * except, in production, SESSION_SECRET and APP_KEY. The worker and the CLI are stricter (see
 * requireStartupEnv): they are usually started without NODE_ENV, so for them a missing NODE_ENV
 * does not license the public development key.
 */
const DEV_SESSION_SECRET = "dev-session-secret-not-for-production";
const DEV_APP_KEY = "dev-app-key-not-for-production-0123456789abcdef";
const MIN_SECRET_LENGTH = 32;

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
      .default("postgresql://postgres@127.0.0.1:5432/alcance"),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .default("redis://127.0.0.1:6379"),
    // Every Redis key (queues, rate limits) lives under this prefix; tests use their own.
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]+$/, "letters, digits, '-' and '_' only (BullMQ forbids ':')")
      .default("alcance"),
    APP_URL: z.url("must be an absolute URL such as http://localhost:3000").default("http://localhost:3000"),
    SESSION_SECRET: z.string().optional(),
    APP_KEY: z.string().optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    // DKIM signing key from the environment (decision 033): all three, or none and /admin/settings.
    DKIM_DOMAIN: z.string().optional(),
    DKIM_SELECTOR: z.string().optional(),
    // PEM; a literal backslash-n stands for a line break, so the key fits on one .env line.
    DKIM_PRIVATE_KEY: z.string().optional(),
    // The resolvers /admin/settings asks for the published DKIM record ("ip" or "ip:port", comma-separated); the system's by default.
    DKIM_DNS_SERVERS: z.string().optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(8 * 60),
    SESSION_MAX_DAYS: z.coerce.number().positive().default(7),
    // Login limits; see login.server.ts for the policy and .env.example for what each one means.
    LOGIN_MAX_PER_IP: z.coerce.number().int().positive().default(20),
    LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().positive().optional(),
    // The older name of LOGIN_MAX_FAILURES_PER_CLIENT, still honoured.
    LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().positive().optional(),
    LOGIN_ACCOUNT_BACKOFF_AFTER: z.coerce.number().int().positive().default(20),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(15 * 60),
    UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(15 * 1024 * 1024),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    // Bearer token for /metrics; without it the endpoint answers 404 (decision 035).
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    const newest = env.SESSION_SECRET?.split(",")[0]?.trim() ?? "";
    if (!env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production (comma-separated secrets, newest first)" });
    } else if (newest.length < MIN_SECRET_LENGTH) {
      // Only the newest signs new cookies; older ones stay accepted while a rotation runs out.
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: `the newest (first) secret must be at least ${MIN_SECRET_LENGTH} characters in production` });
    }
    if (!env.APP_KEY || env.APP_KEY.length < MIN_SECRET_LENGTH) {
      ctx.addIssue({ code: "custom", path: ["APP_KEY"], message: `is required in production and must be at least ${MIN_SECRET_LENGTH} characters` });
    }
  });

export type Env = Omit<z.infer<typeof schema>, "LOGIN_MAX_FAILURES_PER_CLIENT" | "LOGIN_MAX_PER_ACCOUNT"> & {
  LOGIN_MAX_FAILURES_PER_CLIENT: number;
  sessionSecrets: string[];
  appKey: string;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`);
  }

  /** For processes that must say why they refuse to start in one line. */
  get oneLine(): string {
    return `Invalid configuration: ${this.problems.join("; ")} (see .env.example).`;
  }
}

export type ParseOptions = {
  /**
   * Let the public development APP_KEY stand in only when NODE_ENV says development or test
   * outright, not when NODE_ENV is merely missing.
   */
  explicitDevelopment?: boolean;
};

export function parseEnv(source: Record<string, string | undefined>, options: ParseOptions = {}): Env {
  // An empty variable means "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  const problems = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`);
  const declaredDevelopment = cleaned.NODE_ENV === "development" || cleaned.NODE_ENV === "test";
  const appKey = cleaned.APP_KEY ?? "";
  // Production already demands APP_KEY through the schema.
  if (options.explicitDevelopment && !declaredDevelopment && cleaned.NODE_ENV !== "production" && appKey.length < MIN_SECRET_LENGTH) {
    problems.push(
      `APP_KEY: must be set (at least ${MIN_SECRET_LENGTH} characters) unless NODE_ENV is development or test; the public development key is never used otherwise`,
    );
  }
  if (!result.success || problems.length) throw new EnvError(problems);
  const { LOGIN_MAX_FAILURES_PER_CLIENT, LOGIN_MAX_PER_ACCOUNT, ...env } = result.data;
  const sessionSecrets = (env.SESSION_SECRET ?? DEV_SESSION_SECRET)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    ...env,
    LOGIN_MAX_FAILURES_PER_CLIENT: LOGIN_MAX_FAILURES_PER_CLIENT ?? LOGIN_MAX_PER_ACCOUNT ?? 5,
    sessionSecrets,
    appKey: env.APP_KEY ?? DEV_APP_KEY,
  };
}

/**
 * The first step of the worker and the CLI (see startup-env.server.ts): on bad configuration, one
 * line on standard error and exit code 1. They are usually started without NODE_ENV, hence
 * explicitDevelopment.
 */
export function requireStartupEnv(source: Record<string, string | undefined> = process.env): Env {
  try {
    return parseEnv(source, { explicitDevelopment: true });
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.oneLine);
    process.exit(1);
  }
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function isHttps(): boolean {
  return env().APP_URL.startsWith("https://");
}
