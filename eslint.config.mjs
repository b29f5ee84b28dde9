import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    // Second builds made with NEXT_DIST_DIR (next.config.ts).
    ".next-*/**",
    ".data/**",
    "node_modules/**",
    "src/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "scripts/prisma-schema-engine-shim.mjs",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The domain layer stays pure: no database, framework or I/O.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "@prisma/*", "**/generated/**", "node:*", "pg", "**/server/**"], message: "src/domain is pure TypeScript: no Prisma, Next or I/O." },
          ],
        },
      ],
    },
  },
  {
    // Routes are doorways: data access goes through src/server use cases.
    files: ["src/app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/generated/prisma/**", "@prisma/*", "**/server/db"], message: "Call a use case in src/server instead of Prisma from a route." }] },
      ],
    },
  },
]);
