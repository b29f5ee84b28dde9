"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { officeNameFor } from "@/components/insight/office-name";
import type { OfficeView } from "@/domain/schemas/offices";
import type { ActionState } from "@/server/action-result";
import { assignOfficeAccountableAction } from "./actions";

export function OfficeAccountableForm({ office }: { office: OfficeView }) {
  const t = useTranslations("AdminOfficeForm");
  const tOffice = useTranslations("InsightOffice");
  const [state, action, pending] = useActionState<ActionState, FormData>(assignOfficeAccountableAction, { status: "idle" });
  const id = `accountable-${office.office.replace(/[^A-Za-z0-9]/g, "-")}`;
  return (
    <form action={action} noValidate>
      <FormProblem state={state} title={t("notChanged")} />
      <input type="hidden" name="office" value={office.office} />
      <label htmlFor={id} className="block text-sm font-bold">
        {t("accountableFor", { office: officeNameFor(tOffice, office.office, office.officeName) })}
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <select id={id} name="userId" defaultValue={office.accountable?.id ?? ""} className="border-2 border-base-dark bg-white px-2 py-1.5">
          <option value="">{t("choosePerson")}</option>
          {office.eligible.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.email})
            </option>
          ))}
        </select>
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
      </div>
      {state.status === "ok" && (
        <p role="status" className="mt-1 text-sm text-success-dark">
          {state.message}
        </p>
      )}
    </form>
  );
}
