import type { UserView } from "@/domain/schemas/users";

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: UserView["role"];
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  organization: { id: string; code: string; name: string; kind: string };
};

export function toUserView(user: UserRow): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    version: user.version,
    organization: {
      id: user.organization.id,
      code: user.organization.code,
      name: user.organization.name,
      kind: user.organization.kind,
    },
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export const userInclude = { organization: true } as const;
