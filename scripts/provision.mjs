/**
 * What `npm run quickstart` does about PostgreSQL and Redis on this machine.
 *
 * planProvisioning() is pure: given what the machine is (platform, root or not, /etc/os-release)
 * and what it has (installed, running), it says what to do — nothing, start what is stopped,
 * install with apt-get (root on Debian or Ubuntu only), or print the one command a person should
 * run. detectMachine() reads this machine; the quickstart carries out the plan and asks again.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** @typedef {"postgres" | "redis"} Service */
/**
 * @typedef {{
 *   platform: string,
 *   isRoot: boolean,
 *   osRelease: string | null,
 *   has: { postgres: boolean, redis: boolean, apt: boolean },
 *   running: { postgres: boolean, redis: boolean },
 *   pgVersions?: string[],
 *   redisPort?: number,
 * }} Machine
 */
/** @typedef {{ cmd: string, args: string[], env?: Record<string, string> }} Command */
/**
 * @typedef {{ action: "ready" }
 *   | { action: "start", commands: Command[] }
 *   | { action: "install", packages: string[], commands: Command[], trustLoopback: boolean }
 *   | { action: "instruct", command: string | null, note: string | null }} Plan
 */

/** Debian's package for each service. */
const APT_PACKAGES = { postgres: "postgresql", redis: "redis-server" };
/** Homebrew formulas (PostgreSQL is versioned there; 16 is what the project is tested with). */
const BREW_FORMULAS = { postgres: "postgresql@16", redis: "redis" };

/**
 * Redis for development: loopback only, no persistence (the quickstart's data lives in PostgreSQL).
 * @returns {Command}
 */
export function redisStart(port = 6379) {
  return { cmd: "redis-server", args: ["--daemonize", "yes", "--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"] };
}

/**
 * ID and ID_LIKE of /etc/os-release, lower case.
 * @param {string | null} text
 * @returns {{ id: string, like: string[] }}
 */
export function parseOsRelease(text) {
  const field = (/** @type {string} */ name) => {
    const match = new RegExp(`^${name}=(.*)$`, "m").exec(text ?? "");
    return match ? match[1].trim().replace(/^["']|["']$/g, "").toLowerCase() : "";
  };
  return { id: field("ID"), like: field("ID_LIKE").split(/\s+/).filter(Boolean) };
}

/**
 * @param {string} platform
 * @param {string | null} osRelease
 * @returns {"debian" | "fedora" | "macos" | "other"}
 */
function family(platform, osRelease) {
  if (platform === "darwin") return "macos";
  if (platform !== "linux") return "other";
  const { id, like } = parseOsRelease(osRelease);
  const ids = [id, ...like];
  if (ids.some((x) => x === "debian" || x === "ubuntu")) return "debian";
  if (ids.some((x) => x === "fedora" || x === "rhel" || x === "centos")) return "fedora";
  return "other";
}

const sudo = (/** @type {boolean} */ isRoot) => (isRoot ? "" : "sudo ");

/**
 * The one command a person runs to install (and start) what is missing.
 * @param {"debian" | "fedora" | "macos" | "other"} fam
 * @param {boolean} isRoot
 * @param {Service[]} missing
 * @returns {{ command: string | null, note: string | null }}
 */
function installInstruction(fam, isRoot, missing) {
  if (fam === "debian") {
    return { command: `${sudo(isRoot)}apt-get install -y ${missing.map((s) => APT_PACKAGES[s]).join(" ")}`, note: null };
  }
  if (fam === "macos") {
    const formulas = missing.map((s) => BREW_FORMULAS[s]);
    const command = [`brew install ${formulas.join(" ")}`, ...formulas.map((f) => `brew services start ${f}`)].join(" && ");
    return {
      command,
      note: missing.includes("postgres")
        ? 'Homebrew\'s PostgreSQL has no "postgres" role: once it is running, create it with "$(brew --prefix postgresql@16)/bin/createuser -s postgres".'
        : null,
    };
  }
  if (fam === "fedora") {
    const s = sudo(isRoot);
    const packages = missing.map((x) => (x === "postgres" ? "postgresql-server" : "redis"));
    const steps = [`${s}dnf install -y ${packages.join(" ")}`];
    if (missing.includes("postgres")) steps.push(`${s}postgresql-setup --initdb`);
    steps.push(`${s}systemctl enable --now ${missing.map((x) => (x === "postgres" ? "postgresql" : "redis")).join(" ")}`);
    return {
      command: steps.join(" && "),
      note: missing.includes("postgres") ? 'Fedora\'s PostgreSQL asks for "ident" on 127.0.0.1: allow the local login in pg_hba.conf or put a password in DATABASE_URL (.env).' : null,
    };
  }
  return {
    command: null,
    note: `Install ${missing.map((s) => (s === "postgres" ? "PostgreSQL (15 or newer)" : "Redis (6.2 or newer)")).join(" and ")} with your system's package manager, start it on 127.0.0.1 (PostgreSQL on 5432 with a "postgres" role, Redis on 6379), or point DATABASE_URL and REDIS_URL in .env at running ones.`,
  };
}

/**
 * The one command a person runs to start an installed PostgreSQL the quickstart cannot start.
 * @param {"debian" | "fedora" | "macos" | "other"} fam
 * @param {boolean} isRoot
 * @param {string[]} pgVersions
 * @returns {string | null}
 */
function startInstruction(fam, isRoot, pgVersions) {
  if (fam === "debian" && pgVersions.length) return `${sudo(isRoot)}pg_ctlcluster ${pgVersions[0]} main start`;
  if (fam === "macos") return `brew services start ${BREW_FORMULAS.postgres}`;
  if (fam === "fedora" || fam === "debian") return `${sudo(isRoot)}systemctl start postgresql`;
  return null;
}

/**
 * What to do about PostgreSQL and Redis on this machine.
 * @param {Machine} machine
 * @returns {Plan}
 */
export function planProvisioning(machine) {
  const { platform, isRoot, osRelease, has, running } = machine;
  const pgVersions = machine.pgVersions ?? [];
  /** @type {Service[]} */
  const stopped = /** @type {Service[]} */ (["postgres", "redis"]).filter((s) => !running[s]);
  if (stopped.length === 0) return { action: "ready" };
  const fam = family(platform, osRelease);

  const missing = stopped.filter((s) => !has[s]);
  if (missing.length) {
    if (fam === "debian" && isRoot && has.apt) {
      const env = { DEBIAN_FRONTEND: "noninteractive" };
      const packages = missing.map((s) => APT_PACKAGES[s]);
      return {
        action: "install",
        packages,
        commands: [
          { cmd: "apt-get", args: ["update", "-q"], env },
          { cmd: "apt-get", args: ["install", "-y", "-q", ...packages], env },
        ],
        // A cluster this run created is a development one: let postgres in over loopback, as the
        // app's default DATABASE_URL and the test suite expect. An existing cluster is left alone.
        trustLoopback: missing.includes("postgres"),
      };
    }
    return { action: "instruct", ...installInstruction(fam === "debian" && !has.apt ? "other" : fam, isRoot, missing) };
  }

  /** @type {Command[]} */
  const commands = [];
  if (stopped.includes("redis")) commands.push(redisStart(machine.redisPort));
  if (stopped.includes("postgres")) {
    // pg_ctlcluster starts a cluster owned by the postgres user: only root may do it for them.
    if (fam === "debian" && isRoot && pgVersions.length) {
      for (const v of pgVersions) commands.push({ cmd: "pg_ctlcluster", args: ["--skip-systemctl-redirect", v, "main", "start"] });
    } else if (commands.length === 0) {
      const command = startInstruction(fam, isRoot, pgVersions);
      return { action: "instruct", command, note: command ? null : "Start PostgreSQL on 127.0.0.1:5432, or point DATABASE_URL in .env at a running one." };
    }
    // Otherwise Redis first; the next round asks about PostgreSQL again.
  }
  return { action: "start", commands };
}

/** The lines that let any local user in as any role over loopback (first match wins in pg_hba.conf). */
export const LOOPBACK_TRUST = [
  "# Added by `npm run quickstart` on a cluster it installed: development only, loopback only.",
  "host    all             all             127.0.0.1/32            trust",
  "host    all             all             ::1/128                 trust",
];

/**
 * pg_hba.conf with the loopback trust lines in front (unchanged if they are there already).
 * @param {string} pgHba
 * @returns {string}
 */
export function withLoopbackTrust(pgHba) {
  if (pgHba.includes(LOOPBACK_TRUST[0])) return pgHba;
  return `${LOOPBACK_TRUST.join("\n")}\n${pgHba}`;
}

// ── This machine ────────────────────────────────────────────────────────────────────────────────

/** @param {string} name */
function onPath(name) {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, name)));
}

/**
 * Debian's PostgreSQL versions with a "main" cluster (/etc/postgresql/<version>/main), newest first.
 * @returns {string[]}
 */
export function debianPgVersions() {
  if (!existsSync("/etc/postgresql")) return [];
  return readdirSync("/etc/postgresql")
    .filter((v) => existsSync(`/etc/postgresql/${v}/main/postgresql.conf`))
    .sort((a, b) => Number(b) - Number(a));
}

function homebrewPostgres() {
  for (const prefix of ["/opt/homebrew/opt", "/usr/local/opt"]) {
    if (!existsSync(prefix)) continue;
    if (readdirSync(prefix).some((name) => /^postgresql(@\d+)?$/.test(name) && existsSync(path.join(prefix, name, "bin", "postgres")))) return true;
  }
  return false;
}

/**
 * This machine, as planProvisioning wants it (without `running`, which the caller measures).
 * @returns {Omit<Machine, "running">}
 */
export function detectMachine() {
  const pgVersions = process.platform === "linux" ? debianPgVersions() : [];
  return {
    platform: process.platform,
    isRoot: typeof process.getuid === "function" && process.getuid() === 0,
    osRelease: existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : null,
    has: {
      postgres: pgVersions.length > 0 || onPath("postgres") || onPath("pg_ctl") || homebrewPostgres(),
      redis: onPath("redis-server"),
      apt: onPath("apt-get"),
    },
    pgVersions,
  };
}
