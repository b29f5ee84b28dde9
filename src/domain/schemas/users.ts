import { z } from "zod";
import { ROLES } from "../roles";
import { blankAsUndefined, EmailAddress, ExpectedVersion, PageQuery, plainText, searchText, Uuid } from "./common";
import { NewPassword } from "./auth";

export const RoleSchema = z.enum(ROLES, {
  error: (issue) =>
    issue.input === undefined || issue.input === "" ? "Choose a role" : `Role must be one of: ${ROLES.join(", ")}`,
});

export const CreateUserInput = z
  .object({
    email: EmailAddress,
    name: plainText("Name", { max: 120 }),
    role: RoleSchema,
    organizationId: Uuid("An organization"),
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
  q: searchText("Search text", 100),
  role: blankAsUndefined(RoleSchema),
  status: blankAsUndefined(z.enum(["active", "inactive", "all"], { error: "status must be active, inactive or all" })).transform(
    (value) => value ?? "all",
  ),
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
