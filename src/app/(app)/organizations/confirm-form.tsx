"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/server/action-result";
import { confirmOrganizationAction } from "./actions";

export function ConfirmOrganizationForm({ organizationId, version }: { organizationId: string; version: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(confirmOrganizationAction, { status: "idle" });
  return (
    <form action={action}>
      {state.status === "error" && (
        <div className="mb-3">
          <Alert type="error" title="Not confirmed" testId="confirm-error">
            {state.message}
          </Alert>
        </div>
      )}
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Button type="submit" disabled={pending}>
        I checked this code against SAMM: confirm it
      </Button>
    </form>
  );
}
