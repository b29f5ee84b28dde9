import "server-only";
import type { Actor } from "@/domain/policy";
import { CreateUserInput } from "@/domain/schemas/users";
import { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { AppError, parseInput } from "../errors";
import { hashPassword } from "../passwords";
import type { RequestContext } from "../request-context";
import { organizationForRole } from "./organization-for-role";
import { toUserView, userInclude } from "./user-view";

export async function createUser(actor: Actor, input: unknown, context: RequestContext) {
  assertCan(actor, "createUser");
  const data = parseInput(CreateUserInput, input);
  const organization = await organizationForRole(data.role, data.organizationId, "organizationId");
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, organizationId: organization.id, passwordHash },
        include: userInclude,
      });
      await recordAudit(tx, {
        action: "user.create",
        outcome: "SUCCESS",
        actor,
        target: { type: "user", id: user.id },
        details: { after: { email: user.email, name: user.name, role: user.role, organization: organization.code, active: true } },
        context,
      });
      return toUserView(user);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "A user with this email already exists", {
        fields: { email: "A user with this email already exists" },
      });
    }
    throw error;
  }
}
