import { readdirSync } from "node:fs";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { LEGACY_BOUNDARY_FILES } from "./eslint.legacy-boundaries.js";

// ── Module boundaries (decision 027) ──────────────────────────────────────────────────────────────
// An area (app/modules/<area>/) is used from outside only through ~/modules/<area> (index.ts,
// client-safe) or ~/modules/<area>/index.server. Modules answer no HTTP and never reach into jobs/.
const AREAS = readdirSync(new URL("./app/modules", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const deepImport = (except) => ({
  regex: `^~/modules/${except ? `(?!${except}/)` : ""}[^/]+/(?!index\\.server$|index$).+`,
  message: "Import another area through its index: ~/modules/<area> (client-safe) or ~/modules/<area>/index.server (decision 027).",
});
const noJobs = { regex: "(^|/)jobs/", message: "Modules enqueue through ~/lib/queue.server; jobs/ holds only the worker and processors (decision 027)." };
const noRemix = { regex: "^@remix-run/", message: "Modules throw DomainError (~/lib/errors); routes and app/lib/*.server map it to HTTP (decision 027)." };
const noResponse = {
  selector: "ThrowStatement > NewExpression[callee.name='Response'], ThrowStatement > CallExpression[callee.name=/^(json|data|redirect)$/]",
  message: "Modules throw DomainError, not a Response (decision 027).",
};

const boundaries = [
  ...AREAS.map((area) => ({
    files: [`app/modules/${area}/**/*.{ts,tsx}`],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [deepImport(area), noJobs, noRemix] }],
      "no-restricted-syntax": ["error", noResponse],
    },
  })),
  {
    files: ["app/routes/**/*.{ts,tsx}", "app/components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "~/lib/db.server", message: "Routes read and write through their area's index.server (decision 027)." }],
          patterns: [
            deepImport(null),
            // Generated enums and types may be imported as types; values come from the area's index.
            { regex: "^~/generated/prisma", allowTypeImports: true, message: "Use the area's index for Prisma values; `import type` is allowed (decision 027)." },
          ],
        },
      ],
    },
  },
  // The one exception: the session and language cookies and the login redirect are HTTP by nature.
  { files: ["app/modules/auth/session.server.ts", "app/modules/auth/locale.server.ts"], rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [deepImport("auth"), noJobs] }], "no-restricted-syntax": "off" } },
  // Files written before the rule; each phase-2 migration deletes its files from the list.
  ...(LEGACY_BOUNDARY_FILES.length === 0 ? [] : [{ files: LEGACY_BOUNDARY_FILES, rules: { "@typescript-eslint/no-restricted-imports": "off", "no-restricted-syntax": "off" } }]),
];

export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", "node_modules/**", "test-results/**", "public/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  ...boundaries,
);
