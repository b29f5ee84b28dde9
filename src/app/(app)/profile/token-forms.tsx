"use client";

import { useActionState } from "react";
import { Alert, FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/form";
import type { ActionState } from "@/server/action-result";
import { createTokenAction, revokeTokenAction } from "./actions";

const TOKEN_NAME_HINT = "What will use it, e.g. “Ministry case system”";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<ActionState<{ secret: string; name: string }>, FormData>(
    createTokenAction,
    { status: "idle" },
  );
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <div>
      {state.status === "ok" && state.data && (
        <div className="mb-4">
          <Alert type="success" title={state.message} testId="token-created">
            <p>Copy this token now. It will not be shown again.</p>
            <code className="mt-2 block break-all bg-white p-2 font-mono text-sm" data-testid="token-secret">
              {state.data.secret}
            </code>
          </Alert>
        </div>
      )}
      <FormProblem state={state} title="The token was not created" testId="token-error" />
      <form action={action} noValidate className="flex flex-wrap items-end gap-x-4">
        <Field id="token-name" label="Token name" hint={TOKEN_NAME_HINT} error={fields?.name}>
          <TextInput id="token-name" name="name" maxLength={80} hasHint error={fields?.name} />
        </Field>
        <Field id="token-expiry" label="Expires after (days)" hint="1 to 365" error={fields?.expiresInDays}>
          <TextInput id="token-expiry" name="expiresInDays" inputMode="numeric" defaultValue="90" hasHint error={fields?.expiresInDays} />
        </Field>
        <div className="mb-5">
          <Button type="submit" disabled={pending}>
            Create token
          </Button>
        </div>
      </form>
    </div>
  );
}

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeTokenAction, { status: "idle" });
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="unstyled" disabled={pending} aria-label={`Revoke token ${name}`}>
        Revoke
      </Button>
      {state.status === "error" && <span className="ml-2 text-sm text-error-dark">{state.message}</span>}
    </form>
  );
}
