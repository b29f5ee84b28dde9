import type { ReactNode } from "react";

const STYLES = {
  info: "border-info bg-info-lighter",
  success: "border-success bg-success-lighter",
  warning: "border-warning bg-warning-lighter",
  error: "border-error-dark bg-error-lighter",
} as const;

export function Alert({
  type,
  title,
  children,
  testId,
}: {
  type: keyof typeof STYLES;
  title?: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      className={`border-s-8 px-4 py-3 ${STYLES[type]}`}
      role={type === "error" ? "alert" : "status"}
      data-testid={testId}
    >
      {title && <p className="font-bold">{title}</p>}
      {children && <div className="text-sm">{children}</div>}
    </div>
  );
}

/** The alert at the top of a form when a server action refused it. */
export function FormProblem({
  state,
  title,
  testId = "form-error",
}: {
  state: { status: string; message?: string };
  title: string;
  testId?: string;
}) {
  if (state.status !== "error") return null;
  return (
    <div className="mb-4">
      <Alert type="error" title={title} testId={testId}>
        {state.message}
      </Alert>
    </div>
  );
}
