import { apiRoute } from "@/server/api/handler";
import { decidePolicyChange } from "@/server/policy/decide-policy-change";

export const POST = apiRoute<{ id: string }>(async (actor, { params, body, context }) =>
  decidePolicyChange(actor, params.id, "withdraw", await body(), context),
);
