"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { BindingConfirmation } from "@/domain/workflow/binding-confirmation";

/**
 * The review-then-confirm step of a binding form. The first submit (the step's own button, or Enter in a field) only
 * shows the confirmation; the confirmation's button sends the form. A new answer from the server (an error) ends the
 * step, so the person sees the problem and starts again; Cancel or Escape ends it and puts focus back on the button.
 */
export function useConfirmStep(state: unknown) {
  const [confirmedFor, setConfirmedFor] = useState<{ state: unknown } | null>(null);
  // The step's own button carries this id (triggerProps), so focus can go back to it after a cancel.
  const triggerId = useId();
  const returnFocus = useRef(false);
  const confirming = confirmedFor !== null && confirmedFor.state === state;
  useEffect(() => {
    if (confirming || !returnFocus.current) return;
    returnFocus.current = false;
    document.getElementById(triggerId)?.focus();
  }, [confirming, triggerId]);
  return {
    confirming,
    triggerProps: { id: triggerId },
    onSubmit(event: FormEvent<HTMLFormElement>) {
      if (confirming) return;
      // Nothing is sent yet: React does not run a form action whose submit event was cancelled.
      event.preventDefault();
      setConfirmedFor({ state });
    },
    cancel() {
      returnFocus.current = true;
      setConfirmedFor(null);
    },
  };
}

/**
 * What the person is about to commit to: the document's name, version, total and PDF SHA-256, and what the step
 * means. Focus moves to it when it opens, so a screen reader reads it first; Escape or Cancel closes it. Carries the
 * document it names as hidden fields, so the server can refuse the step if that document has changed since.
 */
export function BindingConfirmationPanel({
  confirmation,
  confirmLabel,
  pending,
  variant = "primary",
  onCancel,
  testId,
}: {
  confirmation: BindingConfirmation;
  confirmLabel: string;
  pending: boolean;
  variant?: "primary" | "danger";
  onCancel: () => void;
  testId?: string;
}) {
  const t = useTranslations("CaseBinding");
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const { document, acknowledgement } = confirmation;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-commitment`}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
      className="mt-2 rounded border-s-8 border-warning bg-warning-lighter p-4 focus:outline focus:outline-4 focus:outline-offset-2 focus:outline-[#2491ff]"
      data-testid={testId ?? "binding-confirmation"}
    >
      <h3 id={`${id}-title`} className="mb-2 text-lg font-bold">
        {confirmation.title}
      </h3>
      {document ? (
        <dl className="mb-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="font-bold">{t("document")}</dt>
          <dd data-testid="confirm-document">{document.name}</dd>
          <dt className="font-bold">{t("version")}</dt>
          <dd data-testid="confirm-version">{document.version}</dd>
          <dt className="font-bold">{t("total")}</dt>
          <dd data-testid="confirm-total">{document.total}</dd>
          <dt className="font-bold">{t("sha256")}</dt>
          <dd data-testid="confirm-sha256">{document.sha256 ? <code className="break-all">{document.sha256}</code> : confirmation.sha256Note}</dd>
        </dl>
      ) : (
        <p className="mb-3 font-bold" data-testid="confirm-no-document">
          {confirmation.sha256Note}
        </p>
      )}
      <p id={`${id}-commitment`} className="mb-3" data-testid="confirm-commitment">
        {confirmation.commitment}
      </p>
      {acknowledgement && (
        <>
          <input type="hidden" name="acknowledgedNumber" value={acknowledgement.number} />
          <input type="hidden" name="acknowledgedVersion" value={acknowledgement.version} />
          <input type="hidden" name="acknowledgedSha256" value={acknowledgement.sha256 ?? ""} />
        </>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant={variant} disabled={pending}>
          {pending ? t("working") : confirmLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
          {t("cancel")}
        </Button>
      </div>
      <p className="mt-2 text-sm text-base-dark">{t("escape")}</p>
    </div>
  );
}
