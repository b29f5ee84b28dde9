import { z } from "zod";
import type { SignInPolicy } from "@/domain/security";

// Every setting Caseway reads, validated once. Documented in .env.example and the README.
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  CLASSIFICATION_BANNER: z.string().trim().max(80).default("CUI"),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_MAX_HOURS: positiveInt(12),
  // Sign-in delays (ADR 0023): per account and address, then ceilings per account and per address.
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_WINDOW_MINUTES: positiveInt(15),
  LOGIN_DELAY_MINUTES: positiveInt(1),
  LOGIN_MAX_DELAY_MINUTES: positiveInt(60),
  LOGIN_ACCOUNT_MAX_FAILURES: positiveInt(100),
  LOGIN_ACCOUNT_WINDOW_HOURS: positiveInt(24),
  LOGIN_ADDRESS_MAX_FAILURES: positiveInt(30),
  LOGIN_ADDRESS_WINDOW_MINUTES: positiveInt(60),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= EnvSchema.parse(process.env);
  return cached;
}

export function sessionTimeouts() {
  const e = env();
  return { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_MAX_HOURS };
}

/** The sign-in delay rules: every limit starts at LOGIN_DELAY_MINUTES and doubles up to LOGIN_MAX_DELAY_MINUTES. */
export function throttlePolicy(): SignInPolicy {
  const e = env();
  const delays = { firstDelayMinutes: e.LOGIN_DELAY_MINUTES, maxDelayMinutes: e.LOGIN_MAX_DELAY_MINUTES };
  return {
    "account-address": { maxFailures: e.LOGIN_MAX_FAILURES, windowMinutes: e.LOGIN_WINDOW_MINUTES, ...delays },
    account: { maxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES, windowMinutes: e.LOGIN_ACCOUNT_WINDOW_HOURS * 60, ...delays },
    address: { maxFailures: e.LOGIN_ADDRESS_MAX_FAILURES, windowMinutes: e.LOGIN_ADDRESS_WINDOW_MINUTES, ...delays },
  };
}
