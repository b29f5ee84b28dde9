-- Signed approvals, verifiable offline (issue 16 item 5, ADR 0031): each user's Ed25519 signing keys (private key
-- encrypted at rest) and one signature per binding decision, written in the decision's transaction.
CREATE TABLE "signing_keys" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kid" VARCHAR(64) NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "private_key_enc" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" VARCHAR(500),

    CONSTRAINT "signing_keys_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "signing_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "signing_keys_kid_key" ON "signing_keys"("kid");
CREATE INDEX "signing_keys_user_id_created_at_idx" ON "signing_keys"("user_id", "created_at");
-- At most one key in use per user: signing on first need from two requests at once makes one key, not two.
CREATE UNIQUE INDEX "signing_keys_one_active_per_user" ON "signing_keys"("user_id") WHERE "retired_at" IS NULL;

CREATE TABLE "decision_signatures" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "audit_event_id" BIGINT NOT NULL,
    "decision" VARCHAR(80) NOT NULL,
    "document_number" INTEGER,
    "document_version" INTEGER,
    "signer_user_id" UUID NOT NULL,
    "kid" VARCHAR(64) NOT NULL,
    "statement" TEXT NOT NULL,
    "protected_header" VARCHAR(400) NOT NULL,
    "signature" VARCHAR(200) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "decision_signatures_pkey" PRIMARY KEY ("id"),
    -- No foreign key to audit_events: its rows are append-only by trigger already, and the chain's own checks (not a
    -- constraint) are what report a removed event; a key would also forbid the tests that tamper with the chain.
    CONSTRAINT "decision_signatures_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "decision_signatures_signer_user_id_fkey" FOREIGN KEY ("signer_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "decision_signatures_kid_fkey" FOREIGN KEY ("kid") REFERENCES "signing_keys"("kid") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "decision_signatures_audit_event_id_key" ON "decision_signatures"("audit_event_id");
CREATE INDEX "decision_signatures_case_id_signed_at_idx" ON "decision_signatures"("case_id", "signed_at");
