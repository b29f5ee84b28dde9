import "server-only";
import { recordAudit } from "../audit";
import { db } from "../db";
import type { RequestContext } from "../request-context";

/** Sign-out: the session row ends, so the cookie is worthless even if it was copied. */
export async function endSession(sessionId: string, context: RequestContext): Promise<void> {
  await db().$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: sessionId }, include: { user: true } });
    if (!session || session.endedAt) return;
    await tx.session.update({ where: { id: sessionId }, data: { endedAt: new Date(), endReason: "signed_out" } });
    await recordAudit(tx, {
      action: "auth.sign_out",
      outcome: "SUCCESS",
      actor: {
        userId: session.user.id,
        email: session.user.email,
        role: session.user.role,
        organizationId: session.user.organizationId,
      },
      target: { type: "session", id: sessionId },
      context,
    });
  });
}
