import { z } from "zod";

// Every setting Caseway reads, validated once. Documented in .env.example and the README.
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  AUTH_SECRET: z.string().optional(),
  CLASSIFICATION_BANNER: z.string().trim().max(80).default("CUI"),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_MAX_HOURS: positiveInt(12),
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_WINDOW_MINUTES: positiveInt(15),
  LOGIN_LOCKOUT_MINUTES: positiveInt(15),
  TRUSTED_PROXY_HOPS: positiveInt(1),
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

export function throttlePolicy() {
  const e = env();
  return {
    maxFailures: e.LOGIN_MAX_FAILURES,
    windowMinutes: e.LOGIN_WINDOW_MINUTES,
    lockoutMinutes: e.LOGIN_LOCKOUT_MINUTES,
  };
}
