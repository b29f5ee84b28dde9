import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const inputClass =
  "mt-1 block w-full max-w-md border-2 border-base-dark bg-white px-2 py-2 text-[1rem] text-ink aria-[invalid=true]:border-error-dark";

export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className={`mb-5 ${error ? "border-s-4 border-error-dark ps-3" : ""}`}>
      <label htmlFor={id} className="block font-bold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-base-dark">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-bold text-error-dark" data-testid={`error-${id}`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export function describedBy(id: string, hint?: boolean, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** `hasHint` links the input to the hint its Field shows, for screen readers. */
export function TextInput({
  error,
  hasHint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { error?: string; hasHint?: boolean }) {
  return (
    <input
      {...props}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(props.id ?? "", hasHint, error)}
      className={inputClass}
    />
  );
}

export function Select({
  error,
  hasHint,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { error?: string; hasHint?: boolean }) {
  return (
    <select
      {...props}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(props.id ?? "", hasHint, error)}
      className={inputClass}
    >
      {children}
    </select>
  );
}

const textareaClass =
  "mt-1 block w-full max-w-2xl border-2 border-base-dark bg-white px-2 py-2 text-[1rem] text-ink aria-[invalid=true]:border-error-dark";

export function Textarea({
  error,
  hasHint,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { error?: string; hasHint?: boolean }) {
  return (
    <textarea
      rows={3}
      {...props}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(props.id ?? "", hasHint, error)}
      className={textareaClass}
    />
  );
}

/** Radio buttons in a fieldset whose legend is the question; the error sits under the legend. */
export function RadioGroup({
  name,
  idPrefix = name,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  name: string;
  /** Distinguishes the hint and error ids when several forms on a page ask the same question. */
  idPrefix?: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <fieldset
      className={`mb-5 ${error ? "border-s-4 border-error-dark ps-3" : ""}`}
      aria-describedby={[hint ? `${idPrefix}-hint` : null, error ? `${idPrefix}-error` : null].filter(Boolean).join(" ") || undefined}
    >
      <legend className="font-bold">{legend}</legend>
      {hint && (
        <p id={`${idPrefix}-hint`} className="text-sm text-base-dark">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${idPrefix}-error`} className="text-sm font-bold text-error-dark" data-testid={`error-${idPrefix}`}>
          {error}
        </p>
      )}
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 py-1">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              // React resets a form once its server action returns, which puts radios back to the first render's choice
              // while the state keeps the person's: re-apply the state on every commit, so a refused submission keeps
              // (and sends again) what was chosen.
              ref={(node) => {
                if (node) node.checked = value === option.value;
              }}
              onChange={() => onChange(option.value)}
              className="h-5 w-5 accent-primary"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
