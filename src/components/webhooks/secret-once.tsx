"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";

/** The signing secret, shown once after it is made: a read-only field to select, and a copy button. */
export function SecretOnce({ secret, message }: { secret: string; message: string }) {
  const t = useTranslations("WebhooksSecret");
  const [copied, setCopied] = useState(false);
  return (
    <div className="mb-6" data-testid="webhook-secret">
      <Alert type="success" title={t("title")}>
        <p>{message}</p>
        <label htmlFor="webhook-secret-value" className="mt-2 block font-bold">
          {t("label")}
        </label>
        <p id="webhook-secret-hint" className="text-base-dark">
          {t("hint")}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <input
            id="webhook-secret-value"
            readOnly
            value={secret}
            aria-describedby="webhook-secret-hint"
            onFocus={(event) => event.currentTarget.select()}
            className="w-full max-w-xl border-2 border-base-dark bg-white px-2 py-1.5 font-mono text-sm"
          />
          <button
            type="button"
            className="rounded bg-primary px-4 py-1.5 font-bold text-white hover:bg-primary-dark"
            onClick={() => {
              void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
            }}
          >
            {t("copy")}
          </button>
          <span role="status" className="text-sm">
            {copied ? t("copied") : ""}
          </span>
        </div>
      </Alert>
    </div>
  );
}
