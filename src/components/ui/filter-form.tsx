import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

// The filter bar above a results table. The filters live in the URL (GET form), so a filtered list can be bookmarked
// and shared, and a bad value comes back as a message beside the form (see forFilteredPage).

// max-w-full: a select as wide as its longest choice must still fit a phone's width.
const controlClass = "mt-1 max-w-full border-2 border-base-dark bg-white px-2 py-1.5";

export function FilterForm({ label, submitLabel, children }: { label: string; submitLabel?: string; children: ReactNode }) {
  const t = useTranslations("UiFilterForm");
  return (
    <form role="search" aria-label={label} className="mb-6 flex flex-wrap items-end gap-4 rounded border border-base-lighter bg-white p-4">
      {children}
      <button type="submit" className="rounded bg-primary px-4 py-2 font-bold text-white hover:bg-primary-dark">
        {submitLabel ?? t("search")}
      </button>
    </form>
  );
}

export function FilterInput({
  name,
  label,
  defaultValue,
  type = "search",
}: {
  name: string;
  label: string;
  defaultValue?: string;
  type?: "search" | "date";
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-bold">
        {label}
      </label>
      <input id={name} name={name} type={type} defaultValue={defaultValue ?? ""} className={controlClass} />
    </div>
  );
}

export function FilterSelect({ name, label, defaultValue, children }: { name: string; label: string; defaultValue?: string; children: ReactNode }) {
  return (
    <div className="max-w-full">
      <label htmlFor={name} className="block text-sm font-bold">
        {label}
      </label>
      <select id={name} name={name} defaultValue={defaultValue ?? ""} className={controlClass}>
        {children}
      </select>
    </div>
  );
}

export function FilterCheckbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="flex items-center gap-2 pb-2">
      <input id={name} name={name} type="checkbox" value="true" defaultChecked={checked} className="h-5 w-5 accent-primary" />
      <label htmlFor={name} className="text-sm font-bold">
        {label}
      </label>
    </div>
  );
}
