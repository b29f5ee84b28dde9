-- Sign-in throttling moves to the shared rate_limits table (key "sign-in:<email>"); counters are short-lived, so
-- carrying them over is enough for any lock in force.
INSERT INTO "rate_limits" ("key", "failures", "window_start", "locked_until")
SELECT 'sign-in:' || "email", "failures", "window_start", "locked_until" FROM "login_throttles"
ON CONFLICT ("key") DO NOTHING;

DROP TABLE "login_throttles";
