/**
 * Sending and scheduling over HTTP go through a confirmation that states the subject, the number of
 * recipients (counted as the send would snapshot them) and, for a schedule, when. A post without the
 * confirmed figures changes nothing; a post whose figures are stale is asked again with the new ones.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createBulletin, updateBulletin } from "~/modules/bulletins/bulletins.server";
import { bulletinInputSchema } from "~/modules/bulletins/schema";
import { getSettings } from "~/modules/settings/settings.server";
import { audience } from "../support/bulletins";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";

async function loggedIn() {
  const user = await createUser({ role: "COMMUNICATIONS" });
  const client = new TestClient();
  expect((await client.login(user.email)).status).toBe(302);
  return client;
}

const post = (client: TestClient, path: string, form: Record<string, string>) => client.post(path, form, { headers: { origin: new URL(client.baseUrl).origin } });

async function draftFor(segmentId: string, subject: string) {
  const input = bulletinInputSchema.parse({ name: `Confirmación ${subject}`, subject, bodyMarkdown: "Hola {{nombre}}.", segmentId });
  return (await createBulletin({ userId: null, ip: "test" }, input)).id;
}

const state = async (id: string) => ({
  status: (await db.bulletin.findUniqueOrThrow({ where: { id } })).status,
  scheduledAt: (await db.bulletin.findUniqueOrThrow({ where: { id } })).scheduledAt,
  deliveries: await db.bulletinDelivery.count({ where: { bulletinId: id } }),
});

/** The hidden figures the confirmation step posts back. */
function confirmedFields(html: string) {
  const recipients = /name="confirmedRecipients" value="(\d+)"/.exec(html)?.[1];
  const version = /name="confirmedVersion" value="(\d+)"/.exec(html)?.[1];
  expect(recipients).toBeDefined();
  expect(version).toBeDefined();
  return { confirmedRecipients: recipients!, confirmedVersion: version! };
}

async function addSubscriber(tag: string) {
  await db.contact.create({ data: { email: `late-${tag}-${Date.now()}@bulletins.test`, givenName: "Tardía", tags: [tag], source: "MANUAL", consentStatus: "CONFIRMED", subscriptionStatus: "SUBSCRIBED" } });
}

describe("bulletin confirmation over HTTP", () => {
  it("shows the count instead of sending on a single post, re-asks when the audience or the bulletin changed, and sends on the confirmed post", async () => {
    const a = await audience([{}, {}, {}, { subscriptionStatus: "UNSUBSCRIBED" }, { consentStatus: "PENDING" }], "cf");
    const subject = `Aviso ${a.tag}`;
    const id = await draftFor(a.segmentId, subject);
    const client = await loggedIn();
    const path = `/bulletins/${id}`;

    for (const intent of ["send", "confirm-send"]) {
      const res = await post(client, path, { intent });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`Se enviará «${subject}» a 3 personas. Esta acción no se puede deshacer.`);
      expect(html).toContain("Enviar a 3 personas");
      expect(await state(id)).toEqual({ status: "DRAFT", scheduledAt: null, deliveries: 0 });
    }
    const first = confirmedFields(await (await post(client, path, { intent: "confirm-send" })).text());
    expect(first.confirmedRecipients).toBe("3");

    // Someone subscribes between the confirmation and the click: nothing is sent, the new number is asked for.
    await addSubscriber(a.tag);
    const stale = await post(client, path, { intent: "send", ...first });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain("La audiencia cambió desde que confirmaste: eran 3 y ahora son 4.");
    expect(staleHtml).toContain("Enviar a 4 personas");
    expect(await state(id)).toEqual({ status: "DRAFT", scheduledAt: null, deliveries: 0 });
    const second = confirmedFields(staleHtml);

    // The bulletin is edited after the confirmation: asked again too.
    await updateBulletin({ userId: null, ip: "test" }, id, bulletinInputSchema.parse({ name: `Confirmación ${subject}`, subject: `${subject} (corregido)`, bodyMarkdown: "Hola {{nombre}}.", segmentId: a.segmentId }));
    const edited = await post(client, path, { intent: "send", ...second });
    expect(edited.status).toBe(409);
    const editedHtml = await edited.text();
    expect(editedHtml).toContain("El boletín se modificó desde que confirmaste.");
    expect(editedHtml).toContain(`Se enviará «${subject} (corregido)» a 4 personas.`);
    expect(await state(id)).toEqual({ status: "DRAFT", scheduledAt: null, deliveries: 0 });

    const sent = await post(client, path, { intent: "send", ...confirmedFields(editedHtml) });
    expect(sent.status).toBe(302);
    const after = await state(id);
    expect(after.status).not.toBe("DRAFT");
    expect(after.deliveries).toBe(4);
    expect((await db.bulletin.findUniqueOrThrow({ where: { id } })).recipients).toBe(4);
  });

  it("states when (in the viewer's zone) and to how many before scheduling, and schedules only on the confirmed post", async () => {
    const a = await audience(2, "cs");
    const subject = `Programado ${a.tag}`;
    const id = await draftFor(a.segmentId, subject);
    const client = await loggedIn();
    const path = `/bulletins/${id}`;
    const zone = (await getSettings()).timeZone;

    for (const intent of ["schedule", "confirm-schedule"]) {
      const res = await post(client, path, { intent, scheduledAt: "2031-05-20T10:30" });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain(`Se enviará «${subject}» el 20 de mayo de 2031`);
      // The viewer's zone, named as an offset like every time in the app (decision 022).
      const offset = new Intl.DateTimeFormat("es-MX", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(new Date("2031-05-20T12:00:00Z")).find((p) => p.type === "timeZoneName")!.value;
      expect(html).toContain(`a las 10:30 a.m. ${offset} a quienes formen entonces su audiencia: hoy son 2 personas.`);
      expect(html).toContain("Programar el envío a 2 personas");
      expect(html).toContain('name="scheduledAt" value="2031-05-20T10:30"');
      expect(await state(id)).toEqual({ status: "DRAFT", scheduledAt: null, deliveries: 0 });
    }

    const past = await post(client, path, { intent: "confirm-schedule", scheduledAt: "2001-05-20T10:30" });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("La fecha y hora deben ser futuras.");

    const html = await (await post(client, path, { intent: "confirm-schedule", scheduledAt: "2031-05-20T10:30" })).text();
    const fields = confirmedFields(html);
    await addSubscriber(a.tag);
    const stale = await post(client, path, { intent: "schedule", scheduledAt: "2031-05-20T10:30", ...fields });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain("Programar el envío a 3 personas");
    expect(await state(id)).toEqual({ status: "DRAFT", scheduledAt: null, deliveries: 0 });

    const scheduled = await post(client, path, { intent: "schedule", scheduledAt: "2031-05-20T10:30", ...confirmedFields(staleHtml) });
    expect(scheduled.status).toBe(302);
    const after = await state(id);
    expect(after.status).toBe("SCHEDULED");
    expect(after.scheduledAt).not.toBeNull();
    expect(after.deliveries).toBe(0);
  });
});
