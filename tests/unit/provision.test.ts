/**
 * What `npm run quickstart` does about PostgreSQL and Redis on a given machine. The planner is
 * pure: these machines are described, nothing is installed or started.
 */
import { describe, expect, it } from "vitest";
import { parseOsRelease, planProvisioning, withLoopbackTrust } from "../../scripts/provision.mjs";

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nVERSION_ID=41\nID=fedora\n';
const ALPINE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\n';

const nothing = { postgres: false, redis: false, apt: true };
const both = { postgres: true, redis: true, apt: true };
const stopped = { postgres: false, redis: false };

describe("a machine with only Node", () => {
  it("installs both with apt-get as root on Debian, update first, non-interactively, and opens the new cluster to loopback", () => {
    const plan = planProvisioning({ platform: "linux", isRoot: true, osRelease: DEBIAN, has: nothing, running: stopped });
    expect(plan).toMatchObject({ action: "install", packages: ["postgresql", "redis-server"], trustLoopback: true });
    if (plan.action !== "install") throw new Error(plan.action);
    expect(plan.commands.map((c) => [c.cmd, ...c.args])).toEqual([
      ["apt-get", "update", "-q"],
      ["apt-get", "install", "-y", "-q", "postgresql", "redis-server"],
    ]);
    expect(plan.commands.every((c) => c.env?.DEBIAN_FRONTEND === "noninteractive")).toBe(true);
  });

  it("installs only what is missing, and leaves an existing cluster's authentication alone", () => {
    const plan = planProvisioning({ platform: "linux", isRoot: true, osRelease: UBUNTU, has: { postgres: true, redis: false, apt: true }, running: { postgres: true, redis: false }, pgVersions: ["16"] });
    expect(plan).toMatchObject({ action: "install", packages: ["redis-server"], trustLoopback: false });
  });

  it("tells a non-root Ubuntu user the one sudo command, and installs nothing", () => {
    expect(planProvisioning({ platform: "linux", isRoot: false, osRelease: UBUNTU, has: nothing, running: stopped })).toEqual({
      action: "instruct",
      command: "sudo apt-get install -y postgresql redis-server",
      note: null,
    });
    // A Debian derivative is known by ID_LIKE.
    expect(planProvisioning({ platform: "linux", isRoot: false, osRelease: MINT, has: nothing, running: stopped })).toMatchObject({ command: "sudo apt-get install -y postgresql redis-server" });
  });

  it("tells a Mac the Homebrew command, with the role Homebrew's PostgreSQL lacks", () => {
    const plan = planProvisioning({ platform: "darwin", isRoot: false, osRelease: null, has: { postgres: false, redis: false, apt: false }, running: stopped });
    expect(plan).toMatchObject({
      action: "instruct",
      command: "brew install postgresql@16 redis && brew services start postgresql@16 && brew services start redis",
    });
    if (plan.action !== "instruct") throw new Error(plan.action);
    expect(plan.note).toContain("createuser -s postgres");
  });

  it("tells Fedora the dnf command (without sudo for root: only Debian and Ubuntu are installed automatically)", () => {
    const has = { postgres: false, redis: false, apt: false };
    expect(planProvisioning({ platform: "linux", isRoot: false, osRelease: FEDORA, has, running: stopped })).toMatchObject({
      action: "instruct",
      command: "sudo dnf install -y postgresql-server redis && sudo postgresql-setup --initdb && sudo systemctl enable --now postgresql redis",
    });
    expect(planProvisioning({ platform: "linux", isRoot: true, osRelease: FEDORA, has, running: stopped })).toMatchObject({
      action: "instruct",
      command: "dnf install -y postgresql-server redis && postgresql-setup --initdb && systemctl enable --now postgresql redis",
    });
  });

  it("says what is needed where it knows no command (Alpine, an unknown Linux, Windows, Debian without apt-get)", () => {
    for (const machine of [
      { platform: "linux", isRoot: true, osRelease: ALPINE, has: { postgres: false, redis: false, apt: false } },
      { platform: "linux", isRoot: false, osRelease: null, has: { postgres: false, redis: true, apt: false } },
      { platform: "win32", isRoot: false, osRelease: null, has: { postgres: false, redis: false, apt: false } },
      { platform: "linux", isRoot: true, osRelease: DEBIAN, has: { postgres: false, redis: false, apt: false } },
    ]) {
      const plan = planProvisioning({ ...machine, running: stopped });
      expect(plan).toMatchObject({ action: "instruct", command: null });
      if (plan.action !== "instruct") throw new Error(plan.action);
      expect(plan.note).toContain("PostgreSQL");
    }
  });
});

describe("installed already", () => {
  it("starts both when they are installed but stopped (root on Debian: pg_ctlcluster per cluster, Redis on its port)", () => {
    const plan = planProvisioning({ platform: "linux", isRoot: true, osRelease: DEBIAN, has: both, running: stopped, pgVersions: ["15"], redisPort: 6380 });
    expect(plan).toEqual({
      action: "start",
      commands: [
        { cmd: "redis-server", args: ["--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6380", "--save", "", "--appendonly", "no"] },
        { cmd: "pg_ctlcluster", args: ["--skip-systemctl-redirect", "15", "main", "start"] },
      ],
    });
  });

  it("starts Redis itself but asks for sudo to start a stopped PostgreSQL when not root", () => {
    const first = planProvisioning({ platform: "linux", isRoot: false, osRelease: UBUNTU, has: both, running: stopped, pgVersions: ["16"] });
    expect(first).toMatchObject({ action: "start", commands: [{ cmd: "redis-server" }] });
    if (first.action !== "start") throw new Error(first.action);
    expect(first.commands).toHaveLength(1);
    expect(planProvisioning({ platform: "linux", isRoot: false, osRelease: UBUNTU, has: both, running: { postgres: false, redis: true }, pgVersions: ["16"] })).toEqual({
      action: "instruct",
      command: "sudo pg_ctlcluster 16 main start",
      note: null,
    });
    expect(planProvisioning({ platform: "darwin", isRoot: false, osRelease: null, has: { ...both, apt: false }, running: { postgres: false, redis: true } })).toMatchObject({
      action: "instruct",
      command: "brew services start postgresql@16",
    });
  });

  it("does nothing when both are running, whatever the machine", () => {
    for (const platform of ["linux", "darwin", "win32"]) {
      expect(planProvisioning({ platform, isRoot: false, osRelease: null, has: { postgres: false, redis: false, apt: false }, running: { postgres: true, redis: true } })).toEqual({ action: "ready" });
    }
  });
});

describe("details", () => {
  it("reads ID and ID_LIKE from os-release, quoted or not", () => {
    expect(parseOsRelease(MINT)).toEqual({ id: "linuxmint", like: ["ubuntu", "debian"] });
    expect(parseOsRelease(DEBIAN)).toEqual({ id: "debian", like: [] });
    expect(parseOsRelease(null)).toEqual({ id: "", like: [] });
  });

  it("puts the loopback trust lines before Debian's scram line, once", () => {
    const debianDefault = "local   all             postgres                                peer\nhost    all             all             127.0.0.1/32            scram-sha-256\n";
    const once = withLoopbackTrust(debianDefault);
    const lines = once.split("\n");
    const trust = lines.findIndex((l) => /^host\s+all\s+all\s+127\.0\.0\.1\/32\s+trust$/.test(l));
    const scram = lines.findIndex((l) => l.includes("scram-sha-256"));
    expect(trust).toBeGreaterThanOrEqual(0);
    expect(trust).toBeLessThan(scram);
    expect(once).toContain("::1/128");
    expect(withLoopbackTrust(once)).toBe(once);
  });
});
