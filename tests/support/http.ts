import { inject } from "vitest";
import { TEST_PASSWORD, uniqueIp } from "./factories";

/**
 * A tiny browser stand-in for HTTP tests against the real server: keeps cookies, does not follow
 * redirects (so tests see them), and sends a client address of its own.
 */
export class TestClient {
  readonly baseUrl = inject("baseUrl");
  private cookies = new Map<string, string>();
  constructor(readonly ip: string = uniqueIp()) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1);
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit & { form?: Record<string, string> } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("x-forwarded-for", this.ip);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    let body = init.body;
    if (init.form) {
      body = new URLSearchParams(init.form);
      headers.set("content-type", "application/x-www-form-urlencoded");
    }
    const res = await fetch(new URL(path, this.baseUrl), { ...init, headers, body, redirect: "manual" });
    this.store(res);
    return res;
  }

  get(path: string, init: RequestInit = {}) {
    return this.request(path, { ...init, method: "GET" });
  }

  post(path: string, form: Record<string, string>, init: RequestInit = {}) {
    return this.request(path, { ...init, method: "POST", form });
  }

  async login(email: string, password = TEST_PASSWORD): Promise<Response> {
    return this.post("/login", { email, password }, { headers: { origin: new URL(this.baseUrl).origin } });
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((k) => k.includes("alcance_session"));
  }
}
