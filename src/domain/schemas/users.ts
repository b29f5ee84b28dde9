import { z } from "zod";
import { ROLES } from "../roles";
import { EmailAddress, ExpectedVersion, PageQuery, plainText, Uuid } from "./common";
import { NewPassword } from "./auth";

export const RoleSchema = z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(", ")}` });

export const CreateUserInput = z
  .object({
    email: EmailAddress,
    name: plainText("Name", { max: 120 }),
    role: RoleSchema,
    organizationId: Uuid("Organization"),
    password: NewPassword,
  })
  .strict()
  .meta({ id: "CreateUserInput", description: "A new user account, created by an administrator." });
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UpdateUserInput = z
  .object({
    expectedVersion: ExpectedVersion,
    role: RoleSchema.optional(),
    organizationId: Uuid("Organization").optional(),
    active: z.boolean({ error: "active must be true or false" }).optional(),
  })
  .strict()
  .refine((input) => input.role !== undefined || input.organizationId !== undefined || input.active !== undefined, {
    error: "Change at least one of role, organizationId or active",
    path: ["role"],
  })
  .meta({ id: "UpdateUserInput", description: "Change a user's role, organization or active flag." });
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const UserListQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .max(100, { error: "Search text must be at most 100 characters" })
    .optional()
    .transform((value) => (value ? value : undefined)),
  role: RoleSchema.optional(),
  status: z.enum(["active", "inactive", "all"], { error: "status must be active, inactive or all" }).default("all"),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserView = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    active: z.boolean(),
    version: z.number().int(),
    organization: z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.string() }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "User" });
export type UserView = z.infer<typeof UserView>;
