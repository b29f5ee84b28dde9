// Signs in through next-auth's credentials flow, as a browser does without JavaScript: GET /api/auth/csrf for the
// token and its cookie, POST /api/auth/callback/credentials, keep the session cookie it sets.

function cookiesFrom(response: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Returns the Cookie header that carries the session, after checking that it opens `checkPath` (not a redirect). */
export async function signIn(baseUrl: string, email: string, password: string, checkPath = "/cases"): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error(`GET /api/auth/csrf answered ${csrf.status} without a csrfToken`);
  const jar = cookiesFrom(csrf);
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }).toString(),
    signal: AbortSignal.timeout(30_000),
  });
  await callback.arrayBuffer();
  for (const [k, v] of cookiesFrom(callback)) jar.set(k, v);
  const session = [...jar.keys()].find((name) => /session-token/.test(name));
  if (!session) throw new Error(`Sign-in as ${email} set no session cookie (HTTP ${callback.status}, location ${callback.headers.get("location")})`);
  const cookie = cookieHeader(new Map([[session, jar.get(session)!]]));
  const page = await fetch(`${baseUrl}${checkPath}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  await page.arrayBuffer();
  if (page.status !== 200) throw new Error(`Signed in as ${email}, but ${checkPath} answered ${page.status} (${page.headers.get("location") ?? ""})`);
  return cookie;
}
