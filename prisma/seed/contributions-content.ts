/**
 * Demo data (issue 17): what the other INE areas contributed to the November 2017 report, from the
 * source (../shared/seeds/000_9b5df074e05c70eb.txt), under the outline keys:
 * - 2.1.2 `registration` (DERFE): its text, condensed faithfully, with the totals table (2,587
 *   SIILNERE + 2,250 SIVE + 33,259 SIASPE = 38,096) and the key figure `solicitudes` = 38,096;
 * - Anexo 1 `annex_registration`: the detail the source refers to it — by state of the seven
 *   entities with local elections, by channel (web/app), by country shares, by gender — as tables
 *   (our choice: the source prints these figures inline and points to Anexo 1; the totals stay in
 *   2.1.2, the detail goes to the annex);
 * - the texts of 2.2 `deoe`, 2.3.1 `deceyec_training`, 2.3.2 `deceyec_outreach` (its own text; the
 *   materials distribution under it is computed), 2.4 `unicom` and 2.5 `cncs` (the social-media and
 *   media-monitoring figures come from their records, not from this text);
 * - short texts for Anexos 3, 4, 5 and 7; Anexo 6 (`annex_unicom`) is left empty: still pending.
 * Tables go through the same typing as an import (tables.ts). Idempotent: a text is written only
 * where the section has none, a table only when the section has none of that title, a key figure
 * only when missing; an approved month is never touched.
 */
import { db, type Prisma } from "../../app/lib/db.server.ts";
import { typeTable } from "../../app/modules/reports/tables.ts";

const MONTH = "2017-11";

const TEXTS: Record<string, string> = {
  registration: [
    "Sistema de Registro para Votar desde el Extranjero. Para el procesamiento de las SIILNERE, SIVE y SIASPE se implementó un procedimiento que establece los pasos y las acciones puntuales que la DERFE efectúa en el contexto de las entidades con Proceso Electoral Local y, en particular, del Voto de los Mexicanos en el Extranjero.",
    "Con corte al 30 de noviembre de 2017, se recibieron 38,096 Solicitudes, de las cuales 2,587 correspondieron a SIILNERE, 2,250 SIVE y 33,259 SIASPE. Los datos relevantes de su recepción se detallan en el (Anexo 1).",
    "SIILNERE. Del 1 de septiembre de 2017 al 31 de marzo de 2018 la solicitud está a disposición de las y los ciudadanos residentes en el extranjero en el portal del Instituto. De las entidades con elecciones coincidentes se recibieron 1,223 SIILNERE; 2,499 se realizaron por el Portal Web y 88 por la Aplicación Móvil. Provienen de 57 países; el 52% fueron realizadas por mujeres (1,348) y el 48% por hombres (1,239). Sólo 56 solicitudes cumplieron con los requisitos documentales; la información capturada se envió al CECYRD para revisar la situación registral de las y los ciudadanos.",
    "SIVE. Se recibieron 2,250 SIVE a nivel federal: 2,088 por el Portal Web y 162 por la Aplicación Móvil; 1,091 de las entidades con elecciones coincidentes; de 47 países. 1,351 (60%) fueron realizadas por hombres y 899 (40%) por mujeres. 2,113 cumplieron con los requisitos documentales y 137 necesitarán un subsane; 230 indicaron un cambio de domicilio, de las cuales 125 adjuntaron su comprobante.",
    "SIASPE. Del 1 de septiembre al 30 de noviembre de 2017 se registraron 61,739 credenciales producidas, 39,210 entregadas y 10,687 confirmadas, y se recibieron 33,259 SIASPE, 11,798 de las entidades con Proceso Electoral Local, de 40 países; 15,020 (44%) fueron realizadas por mujeres y 18,239 (56%) por hombres.",
    "Análisis de patrones anómalos: en noviembre se encontraron 405 incidencias en la frecuencia de las IP donde se capturaron las solicitudes y 58 de repetición de correo electrónico; 3,407 incidentes de temporalidad en las horas de registro (3,313 registros sin variación entre inicio y término, el 68% de las 4,837 SIVE y SIILNERE, y 94 con una diferencia de horas significativa), por lo que se sugiere una revisión del sistema; y 1,150 solicitudes en las que coinciden dos o tres patrones anómalos.",
  ].join("\n\n"),
  annex_registration: "Detalle de la recepción de solicitudes de inscripción a la Lista Nominal de Electores Residentes en el Extranjero con corte al 30 de noviembre de 2017: por entidad con Proceso Electoral Local, por medio de registro, por país de residencia y por género.",
  deoe: [
    "En el siguiente apartado se mencionan las actividades efectuadas en el mes de noviembre correspondientes a la organización electoral para los Procesos Electorales Federal y Locales 2017-2018 (Anexo 3).",
    "Producto de la reunión sostenida el 23 de octubre se emitieron observaciones a la propuesta de modificaciones a los «Lineamientos para la organización del voto postal de las y los ciudadanos mexicanos residentes en el extranjero para los Procesos Electorales Federal y Locales 2017-2018».",
    "Tras aprobarse los cambios en los Lineamientos, el 21 de noviembre se solicitó a la UTVOPL hacer algunas modificaciones a los proyectos de Anexos Técnicos de los Convenios celebrados entre el INE y los OPL de Chiapas, Ciudad de México, Guanajuato, Jalisco, Morelos, Puebla y Yucatán.",
    "El 11 de noviembre se comunicó a la DERFE los ajustes al presupuesto estimado para las actividades que corresponde desempeñar a la DEOE en este proyecto.",
    "El 28 de noviembre se acudió a la bodega del Instituto ubicada en Avenida Tláhuac, donde se piensa instalar el espacio para la clasificación y resguardo de los Sobres-Voto de los comicios federal y locales, con tres espacios: la clasificación y almacenamiento de los Sobres-Voto, el personal del INE que participará en estas tareas y los miembros de la SEDENA a cargo de la vigilancia y resguardo del lugar.",
  ].join("\n\n"),
  deceyec_training: [
    "Durante el mes de noviembre la Dirección de Capacitación Electoral (DCE) efectuó una serie de actividades para los Procesos Electorales Federal y Locales 2017-2018 en materia de integración de las mesas de escrutinio y cómputo (MEC) y capacitación electoral (Anexo 4).",
    "En lo correspondiente a la integración de las MEC y MEC Únicas, la DCE realizó dos reuniones para dotar de conocimientos a las figuras participantes en el Voto de los Mexicanos Residentes en el Extranjero.",
    "Se aprobó el contenido de los materiales didácticos de la primera etapa de capacitación electoral para el VMRE y la DECEyEC validó para su impresión la Cartilla para las y los Observadores Electorales de las y los Mexicanos Residentes en el Extranjero, Información Local (Adenda), de Chiapas, Ciudad de México, Guanajuato, Jalisco, Morelos, Puebla y Yucatán.",
  ].join("\n\n"),
  deceyec_outreach: [
    "La DECEyEC, a través de la Dirección de Difusión y Campañas Institucionales, llevó a cabo las siguientes actividades en el tema VMRE (Anexo 5).",
    "Adjudicaciones de contratos: se adjudicaron dos proyectos para la estrategia al cierre de 2017: difusión a través de medios alternativos y la producción de materiales de audio obtenidos a partir de talleres radiofónicos en comunidades rurales e indígenas.",
    "Medios alternativos: la difusión del VMRE se contempla en cuatro servicios integrales: actividades presenciales (murales de arte urbano con el concepto «México está donde estás tú» en las zonas con mayor presencia de connacionales en los Estados Unidos de América); difusión alternativa en tierra con publicidad en medios impresos de alcance regional, comunitario o suburbano, reparto de material impreso y pegado de pósters; publicidad exterior donde la ciudadanía mexicana se concentra o transita; y radio en zonas focalizadas de los EUA.",
    "Producción y adaptación de audios: a partir de dos talleres se obtendrán audios para la difusión del VMRE en el extranjero por redes sociales, radios comunitarias y estaciones comerciales de radio en EUA.",
    "Materiales digitales: se hicieron 30 materiales para su inserción en distintos medios digitales, con distribución programada por la DECEyEC con corte al 3 de diciembre.",
  ].join("\n\n"),
  unicom:
    "Durante noviembre de 2017 la UNICOM continuó con las actividades de los módulos de procesamiento de solicitudes (Anexo 6): el seguimiento y apoyo, el análisis del módulo «Registro de solicitudes SIASPE», la encuesta de satisfacción y el resumen estadístico por tipo de solicitud; desarrolló el catálogo de Inconsistencias, Subsanes e Improcedencias, incluyó Google Analytics para el monitoreo del sistema y ajustó las pantallas del registro de la solicitud y la página de bienvenida del ciudadano, entre otras actividades.",
  cncs: [
    "A efecto de detallar los avances de la CNCS durante el mes, se presenta un reporte (Anexo 7) sobre los alcances de las actividades realizadas.",
    "Acompañamiento de giras: la CNCS dio acompañamiento y seguimiento puntual a la gira de trabajo del consejero Enrique Andrade a Nueva York los días 17 y 18 de noviembre, en la que se estableció contacto con líderes de comunidades migrantes: participación sobre educación financiera en el Consulado; Facebook Live en el Consulado; reunión con la comunidad migrante («Credencialización, registro en la LNERE y ejercicio del VMRE en elecciones de 2018»); y participación en el Foro Agenda Migrante «Desafíos y Oportunidades para Dreamers».",
    "Boletines de prensa: se redactaron dos comunicados con información relacionada al VMRE.",
    "Comunicación publicitaria: continuó la publicación de inserciones en medios nacionales e internacionales, principalmente digitales, en las plataformas de Estrella TV y Univisión.",
    "Entrevistas: se realizaron cuatro entrevistas durante el mes, del Consejero Presidente Lorenzo Córdova, el Consejero Electoral Enrique Andrade y el Ing. René Miranda.",
  ].join("\n\n"),
  annex_deoe: "Actividades de organización electoral de noviembre de 2017: observaciones a la propuesta de modificaciones a los Lineamientos del voto postal; ajustes al presupuesto estimado de la DEOE comunicados a la DERFE (11 de noviembre); modificaciones a los proyectos de Anexos Técnicos de los Convenios con los OPL (21 de noviembre); visita a la bodega de Avenida Tláhuac para el resguardo de los Sobres-Voto (28 de noviembre).",
  annex_deceyec_training: "Capacitación electoral e integración de mesas, noviembre de 2017: dos reuniones sobre la integración de las MEC y MEC Únicas; aprobación de los materiales didácticos de la primera etapa de capacitación electoral para el VMRE; validación para su impresión de la Cartilla para Observadores Electorales, Información Local (Adenda), de las siete entidades con voto desde el extranjero.",
  annex_deceyec_outreach: "Difusión y campañas institucionales, noviembre de 2017: dos contratos adjudicados (medios alternativos; producción de audios en talleres radiofónicos); cuatro servicios integrales de medios alternativos (actividades presenciales, difusión en tierra, publicidad exterior y radio); 30 materiales digitales con distribución programada al 3 de diciembre.",
  annex_cncs: "Reporte de la CNCS de noviembre de 2017: acompañamiento de la gira del consejero Enrique Andrade a Nueva York (17 y 18 de noviembre); dos comunicados de prensa; inserciones publicitarias en Estrella TV y Univisión; cuatro entrevistas; 93 notas en el monitoreo de medios, todas neutras.",
};

type Raw = Array<Array<string | null>>;

const TABLES: Array<{ section: string; title: string; rows: Raw }> = [
  {
    section: "registration",
    title: "Solicitudes recibidas por tipo, con corte al 30 de noviembre de 2017",
    rows: [
      ["Tipo de solicitud", "Solicitudes"],
      ["SIILNERE", "2,587"],
      ["SIVE", "2,250"],
      ["SIASPE", "33,259"],
      ["Total", "38,096"],
    ],
  },
  {
    section: "annex_registration",
    title: "Solicitudes de las entidades con Proceso Electoral Local 2017-2018",
    rows: [
      ["Entidad", "SIILNERE", "SIVE", "SIASPE"],
      ["Ciudad de México", "708", "561", "2,676"],
      ["Chiapas", "35", "17", "500"],
      ["Guanajuato", "81", "145", "2,988"],
      ["Jalisco", "196", "200", "3,144"],
      ["Morelos", "55", "36", "547"],
      ["Puebla", "112", "119", "1,814"],
      ["Yucatán", "36", "13", "129"],
      ["Total", "1,223", "1,091", "11,798"],
    ],
  },
  {
    section: "annex_registration",
    title: "Solicitudes por medio de registro",
    rows: [
      ["Tipo de solicitud", "Portal web", "Aplicación móvil", "Total"],
      ["SIILNERE", "2,499", "88", "2,587"],
      ["SIVE", "2,088", "162", "2,250"],
    ],
  },
  {
    section: "annex_registration",
    title: "Solicitudes por país de residencia (porcentaje de cada tipo, como lo da la fuente)",
    rows: [
      ["País", "SIILNERE", "SIVE"],
      ["Estados Unidos", "28%", "77%"],
      ["Alemania", "13%", "2%"],
      ["Reino Unido", "11%", null],
      ["Francia", "10%", "2%"],
      ["España", "9%", "3%"],
      ["Canadá", null, "5%"],
      ["Resto de los países", "29%", null],
    ],
  },
  {
    section: "annex_registration",
    title: "Solicitudes por género",
    rows: [
      ["Tipo de solicitud", "Mujeres", "Hombres", "Total"],
      ["SIILNERE", "1,348", "1,239", "2,587"],
      ["SIVE", "899", "1,351", "2,250"],
      ["SIASPE", "15,020", "18,239", "33,259"],
    ],
  },
];

const KEY_FIGURES = [{ section: "registration", key: "solicitudes", label: "Solicitudes recibidas al 30 de noviembre de 2017", value: 38_096, unit: "solicitudes" }];

export async function seedContributionsContent(): Promise<string> {
  const latest = await db.monthlyReport.findFirst({ where: { month: MONTH }, orderBy: { version: "desc" } });
  if (latest?.state === "APPROVED") return "contributions: November 2017 is approved, left alone";
  const done: string[] = [];
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`monthly-report:${MONTH}`}))`;
    await tx.monthlyReport.createMany({ data: [{ month: MONTH, version: 1 }], skipDuplicates: true });
    const report = await tx.monthlyReport.findFirstOrThrow({ where: { month: MONTH }, orderBy: { version: "desc" } });
    const narratives = { ...((report.narratives ?? {}) as Record<string, unknown>) };
    let texts = 0;
    for (const [key, text] of Object.entries(TEXTS)) {
      if (narratives[key]) continue;
      narratives[key] = { text, basis: null };
      texts++;
    }
    if (texts) {
      await tx.monthlyReport.update({ where: { id: report.id }, data: { narratives: narratives as Prisma.InputJsonValue } });
      done.push(`${texts} contributed texts`);
    }
    let tables = 0;
    for (const t of TABLES) {
      if (await tx.reportTable.findFirst({ where: { month: MONTH, sectionKey: t.section, title: t.title }, select: { id: true } })) continue;
      const typed = typeTable(t.rows, "yes");
      const position = await tx.reportTable.count({ where: { month: MONTH, sectionKey: t.section } });
      await tx.reportTable.create({ data: { month: MONTH, sectionKey: t.section, position, title: t.title, columns: typed.columns as unknown as Prisma.InputJsonValue, rows: typed.rows as unknown as Prisma.InputJsonValue, source: "PASTE" } });
      tables++;
    }
    if (tables) done.push(`${tables} tables`);
    const figures = await tx.reportKeyFigure.createMany({ data: KEY_FIGURES.map((k) => ({ month: MONTH, sectionKey: k.section, key: k.key, label: k.label, value: k.value, unit: k.unit })), skipDuplicates: true });
    if (figures.count) done.push(`${figures.count} key figure`);
  });
  return `contributions: ${done.length ? done.join("; ") : "already present"}`;
}
