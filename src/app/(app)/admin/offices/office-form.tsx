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
    <form action={action} className="flex flex-wrap items-end gap-2" noValidate>
      <FormProblem state={state} title="Not changed" />
      <input type="hidden" name="office" value={office.office} />
      <div>
        <label htmlFor={id} className="block text-sm font-bold">
          Accountable for {office.officeName}
        </label>
        <select id={id} name="userId" defaultValue={office.accountable?.id ?? ""} className="mt-1 border-2 border-base-dark bg-white px-2 py-1.5">
          <option value="">Choose a person</option>
          {office.eligible.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.email})
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={pending || office.eligible.length === 0}>
        Save
      </Button>
      {state.status === "ok" && (
        <p role="status" className="w-full text-sm text-success-dark">
          {state.message}
        </p>
      )}
    </form>
  );
}
