/**
 * Demo data for the bulletins area (called by prisma/seed.ts after users and contacts): the
 * report's two November 2017 bulletins, sent to the demo audience (every confirmed, subscribed
 * contact created before the send: more than 22,000) with their deliveries recorded, and one draft
 * ready to preview.
 * Idempotent: fixed ids; deliveries are inserted set-based, once.
 */
import { db } from "../../app/lib/db.server.ts";

type DemoBulletin = { id: string; name: string; subject: string; preheader: string; bodyMarkdown: string; startedAt?: Date; ratePerSecond?: number };

// The two bulletins of November 2017 (2.1.4 «Estrategia digital»): the source says they invited
// to take part in the contest, to register for next year's elections, and carried the OPL of
// Mexico City's campaign «Corazón Chilango». Each is sent after the events it mentions. The send
// dates (8 and 24 Nov) and the wording are ours; the contest's closing date is the demo contest's.
const BODY_1 = `# Concurso para la promoción del voto desde el extranjero

Hola {{nombre | "amiga, amigo"}}:

¿Formas parte de una organización de la sociedad civil en Estados Unidos? Participa en el **Concurso para la Promoción del Voto de las y los Mexicanos Residentes en el Extranjero**: recibimos proyectos hasta el **17 de noviembre**.

- Consulta la convocatoria y las reglas de operación.
- Envía tu proyecto con los documentos que piden las bases.
- Un jurado de especialistas evaluará los proyectos registrados.

## En 2018 tu voto cuenta desde el extranjero

Si vives fuera de México puedes votar en las elecciones de 2018. Necesitas tu **credencial para votar** vigente y registrarte en la **Lista Nominal de Electores Residentes en el Extranjero**, hasta el 31 de marzo de 2018.

[[Consulta la convocatoria del concurso]](https://www.votoextranjero.mx/concurso)`;

const BODY_2 = `# Regístrate para votar en 2018

Hola {{nombre | "amiga, amigo"}}, de {{pais}}:

Si ya tienes tu credencial para votar, solicita tu inscripción a la Lista Nominal de Electores Residentes en el Extranjero: en línea o con la aplicación VotoExtranjeroMX, hasta el 31 de marzo de 2018.

- Ten a la mano tu credencial para votar.
- Usa un correo electrónico propio.
- Guarda tu comprobante de registro.

## Corazón Chilango

El Instituto Electoral de la Ciudad de México invita a las y los chilangos que viven fuera del país a votar desde el extranjero en 2018: si tu credencial es de la Ciudad de México, también podrás votar por la Jefatura de Gobierno.

## Gracias, Fort Worth y Lynwood

El 19 de noviembre estuvimos en el Día del Músico, en la Gran Plaza de Fort Worth, Texas, y el 21 de noviembre en la Entrega de Pavos 2017 en Lynwood, California: gracias a quienes se acercaron a los módulos informativos.

*¿Tienes dudas?* Escríbenos o llama a INETEL.

[[Regístrate ahora]](https://www.votoextranjero.mx/registro)`;

const BODY_DRAFT = `# Boletín de diciembre

Hola {{nombre | "amiga, amigo"}}:

Este es el borrador del boletín de diciembre: el Operativo de Invierno en los 420 puntos de internación del Programa Paisano.

![Operativo de Invierno](https://www.votoextranjero.mx/imagenes/operativo-invierno.png)

[[Más información]](https://www.votoextranjero.mx)`;

// No merge tags in the subjects: they are printed as they are (the report, the bulletins list).
const SENT: DemoBulletin[] = [
  {
    id: "seedbulletin2017110801",
    name: "Boletín VMRE noviembre 2017 (1): Concurso y registro 2018",
    subject: "Concurso para la promoción del voto: envía tu proyecto antes del 17 de noviembre",
    preheader: "Y en 2018 tu voto cuenta desde el extranjero: tramita tu credencial y regístrate",
    bodyMarkdown: BODY_1,
    startedAt: new Date("2017-11-08T16:00:00Z"),
    ratePerSecond: 50,
  },
  {
    id: "seedbulletin2017112401",
    name: "Boletín VMRE noviembre 2017 (2): Registro 2018 y Corazón Chilango",
    subject: "Regístrate para votar en 2018 desde el extranjero",
    preheader: "Corazón Chilango, y lo que vivimos en Fort Worth y Lynwood",
    bodyMarkdown: BODY_2,
    startedAt: new Date("2017-11-24T16:00:00Z"),
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
          FROM "Contact" c WHERE c."consentStatus" = 'CONFIRMED' AND c."subscriptionStatus" = 'SUBSCRIBED' AND c."createdAt" < ${b.startedAt}
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
