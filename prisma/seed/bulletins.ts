/**
 * Demo data for the bulletins area (called by prisma/seed.ts after users and contacts): the
 * report's two November 2017 bulletins, sent to the demo audience (every confirmed, subscribed
 * contact: more than 22,000) with their deliveries recorded, and one draft ready to preview.
 * Idempotent: fixed ids; deliveries are inserted set-based, once.
 */
import { db } from "../../app/lib/db.server.ts";

type DemoBulletin = { id: string; name: string; subject: string; preheader: string; bodyMarkdown: string; startedAt?: Date; ratePerSecond?: number };

const BODY_1 = `# Tu voto cuenta desde el extranjero

Hola {{nombre | "amiga, amigo"}}:

Si vives fuera de México, puedes votar en las elecciones de 2018. Para hacerlo necesitas dos cosas:

1. Tu **credencial para votar** vigente, que puedes tramitar en el consulado más cercano.
2. Registrarte en la **Lista Nominal de Electores Residentes en el Extranjero**.

Durante noviembre estuvimos en la Gran Plaza de Fort Worth, Texas, y en Lynwood, California: gracias a quienes se acercaron a los módulos informativos.

[[Consulta cómo registrarte]](https://www.votoextranjero.mx)`;

const BODY_2 = `# Quedan pocas semanas para registrarte

Hola {{nombre | "amiga, amigo"}}, de {{pais}}:

Recuerda que el registro para votar desde el extranjero cierra pronto. Si ya tienes tu credencial, solicita tu inscripción en línea: toma menos de diez minutos.

- Ten a la mano tu credencial para votar.
- Usa un correo electrónico propio.
- Guarda tu comprobante de registro.

*¿Tienes dudas?* Escríbenos o llama a INETEL.

[[Regístrate ahora]](https://www.votoextranjero.mx/registro)`;

const BODY_DRAFT = `# Boletín de diciembre

Hola {{nombre | "amiga, amigo"}}:

Este es el borrador del boletín de diciembre: el Operativo de Invierno en los 420 puntos de internación del Programa Paisano.

![Operativo de Invierno](https://www.votoextranjero.mx/imagenes/operativo-invierno.png)

[[Más información]](https://www.votoextranjero.mx)`;

const SENT: DemoBulletin[] = [
  {
    id: "seedbulletin2017110901",
    name: "Boletín VMRE noviembre 2017 (1)",
    subject: "{{nombre | \"Amiga, amigo\"}}, tu voto cuenta desde el extranjero",
    preheader: "Tramita tu credencial y regístrate para votar en 2018",
    bodyMarkdown: BODY_1,
    startedAt: new Date("2017-11-09T16:00:00Z"),
    ratePerSecond: 50,
  },
  {
    id: "seedbulletin2017112301",
    name: "Boletín VMRE noviembre 2017 (2)",
    subject: "Quedan pocas semanas para registrarte",
    preheader: "El registro para votar desde el extranjero cierra pronto",
    bodyMarkdown: BODY_2,
    startedAt: new Date("2017-11-23T16:00:00Z"),
    ratePerSecond: 50,
  },
];

const DRAFT: DemoBulletin = {
  id: "seedbulletin2017120101",
  name: "Boletín VMRE diciembre 2017 (borrador)",
  subject: "Operativo de Invierno: te esperamos en los puntos de internación",
  preheader: "Información para quienes visitan México en diciembre",
  bodyMarkdown: BODY_DRAFT,
};

export async function seedBulletins(): Promise<string> {
  const started = Date.now();
  const settings = await db.settings.findUnique({ where: { id: 1 } });
  const author = await db.user.findUnique({ where: { email: "comunicacion@alcance.test" }, select: { id: true } });
  const sender = { fromName: settings?.bulkSenderName ?? "Voto desde el Extranjero", fromEmail: settings?.bulkSenderEmail ?? "boletin@alcance.test", replyTo: settings?.replyTo ?? null };
  const done: string[] = [];
  for (const b of SENT) {
    const existing = await db.bulletin.findUnique({ where: { id: b.id }, select: { id: true } });
    if (existing) continue;
    const inserted = await db.$transaction(
      async (tx) => {
        await tx.bulletin.create({
          data: { id: b.id, name: b.name, subject: b.subject, preheader: b.preheader, bodyMarkdown: b.bodyMarkdown, language: "es", ...sender, status: "SENDING", startedAt: b.startedAt, createdById: author?.id ?? null, createdAt: new Date(b.startedAt!.getTime() - 2 * 86_400_000) },
        });
        // Set-based: the audience at that moment, each delivered at the installation's rate.
        const count = await tx.$executeRaw`
          INSERT INTO "BulletinDelivery" ("bulletinId", "contactId", "email", "status", "attempts", "sentAt")
          SELECT ${b.id}, c."id", c."email", 'SENT', 1, ${b.startedAt}::timestamptz + (row_number() OVER (ORDER BY c."id")) * (interval '1 second' / ${b.ratePerSecond}::int)
          FROM "Contact" c WHERE c."consentStatus" = 'CONFIRMED' AND c."subscriptionStatus" = 'SUBSCRIBED'
          ORDER BY c."id"
          ON CONFLICT ("bulletinId", "contactId") DO NOTHING`;
        const finishedAt = new Date(b.startedAt!.getTime() + Math.ceil(count / b.ratePerSecond!) * 1000);
        await tx.bulletin.update({ where: { id: b.id }, data: { status: "SENT", recipients: count, finishedAt } });
        return count;
      },
      { timeout: 120_000 },
    );
    done.push(`${b.name}: ${inserted} deliveries`);
  }
  const draft = await db.bulletin.findUnique({ where: { id: DRAFT.id }, select: { id: true } });
  if (!draft) {
    await db.bulletin.create({
      data: { id: DRAFT.id, name: DRAFT.name, subject: DRAFT.subject, preheader: DRAFT.preheader, bodyMarkdown: DRAFT.bodyMarkdown, language: "es", ...sender, status: "DRAFT", createdById: author?.id ?? null },
    });
    done.push("1 draft");
  }
  if (done.length === 0) return "bulletins: already present";
  return `bulletins: ${done.join("; ")} in ${((Date.now() - started) / 1000).toFixed(1)} s`;
}
