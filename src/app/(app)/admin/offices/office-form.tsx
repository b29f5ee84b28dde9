"use client";

import { useActionState } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { OfficeView } from "@/domain/schemas/offices";
import type { ActionState } from "@/server/action-result";
import { assignOfficeAccountableAction } from "./actions";

export function OfficeAccountableForm({ office }: { office: OfficeView }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(assignOfficeAccountableAction, { status: "idle" });
  const id = `accountable-${office.office.replace(/[^A-Za-z0-9]/g, "-")}`;
  return (
    <form action={action} noValidate>
      <FormProblem state={state} title="Not changed" />
      <input type="hidden" name="office" value={office.office} />
      <label htmlFor={id} className="block text-sm font-bold">
        Accountable for {office.officeName}
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <select id={id} name="userId" defaultValue={office.accountable?.id ?? ""} className="border-2 border-base-dark bg-white px-2 py-1.5">
          <option value="">Choose a person</option>
          {office.eligible.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.email})
            </option>
          ))}
        </select>
        <Button type="submit" disabled={pending}>
          Save
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
