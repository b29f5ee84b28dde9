import { defineConfig } from "prisma/config";

// DATABASE_URL is unset when the embedded server is in use and nothing needs a live database
// (e.g. `prisma generate` during npm install), so fall back to the embedded default rather than env() which throws.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/caseway" },
});
