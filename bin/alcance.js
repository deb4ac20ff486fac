#!/usr/bin/env node
// The project's admin CLI (`npx alcance …`). Runs the TypeScript sources through tsx, with the
// project's tsconfig so the app's "~/" imports resolve from any working directory.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

process.env.TSX_TSCONFIG_PATH ??= fileURLToPath(new URL("../tsconfig.json", import.meta.url));
register();
await import("../cli/index.ts");
