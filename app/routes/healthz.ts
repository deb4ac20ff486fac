import { checkHealth } from "~/lib/health.server";

export async function loader() {
  const health = await checkHealth();
  return Response.json(
    { status: health.ok ? "ok" : "degraded", postgres: health.postgres, redis: health.redis },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
