import "server-only";
import { log } from "../log";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { sessionTimeouts } from "@/env";
import { requestContext } from "../request-context";
import { restoreDisplayPreferences } from "../users/display-cookies";
import { endSession } from "./end-session";
import { verifySignIn } from "./verify-sign-in";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sid?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // The JWT only carries the server-side session id; everything about the user is read fresh on each request.
  session: { strategy: "jwt", maxAge: sessionTimeouts().absoluteHours * 3600 },
  pages: { signIn: "/signin" },
  // A wrong password is an expected outcome (audited by verifySignIn), not a server error worth a stack trace.
  logger: {
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin" || error.name === "CredentialsSignin") return;
      log.error({ err: error }, "sign-in error");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials) => {
        const result = await verifySignIn(credentials, await requestContext());
        if (result.ok) {
          await restoreDisplayPreferences(result.userId);
          return { id: result.userId, sessionId: result.sessionId };
        }
        if (result.reason === "throttled") {
          const error = new ThrottledSignIn();
          error.code = `throttled:${result.minutesLeft ?? 1}`;
          throw error;
        }
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      // Nothing else about the user belongs in a token that lives for hours.
      delete token.name;
      delete token.email;
      delete token.picture;
      return token;
    },
    session({ session, token }) {
      session.sid = token.sid;
      return session;
    },
  },
  events: {
    signOut: async (message) => {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endSession(sid, await requestContext());
    },
  },
});
