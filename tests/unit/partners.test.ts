/**
 * The partners area's pure rules: calendar dates and "today" per time zone (overdue follow-ups),
 * agreement expiry, the list filter from the URL, country/kind/status normalisation and the
 * import's row rules.
 */
import { describe, expect, it } from "vitest";
import { agreementAlert, daysBetween, effectiveTimeZone, isCalendarDate, isOverdue, monthRange, todayIn } from "~/modules/partners/dates";
import { ACTIVITY_KINDS, defaultActivityReportPart, normalizeCountry, normalizeWebsite, parseKind, parseStatus } from "~/modules/partners/fields";
import { partnerFilterFromSearchParams, partnerFilterToSearchParams } from "~/modules/partners/filter";
import { detectPartnerDelimiter, mapPartnerHeaders, partnerMappingProblem, toPartnerRow } from "~/modules/partners/import";
import { activityFormSchema, partnerFormSchema, personFormSchema, removeActivitySchema, timelineKindsFrom } from "~/modules/partners/schema";

describe("today and overdue, per time zone", () => {
  // 03:00 UTC on 11 March: still the 10th in Mexico City (UTC-6), already the 11th in Madrid.
  const now = new Date("2026-03-11T03:00:00Z");
  const followUp = { dueOn: new Date("2026-03-10T00:00:00Z"), state: "OPEN" };

  it("computes today's date in the owner's zone", () => {
    expect(todayIn("America/Mexico_City", now)).toBe("2026-03-10");
    expect(todayIn("Europe/Madrid", now)).toBe("2026-03-11");
    expect(todayIn("Pacific/Auckland", new Date("2026-03-10T11:30:00Z"))).toBe("2026-03-11");
  });

  it("is overdue only once the due date has passed where the owner is", () => {
    expect(isOverdue(followUp, "America/Mexico_City", now)).toBe(false);
    expect(isOverdue(followUp, "Europe/Madrid", now)).toBe(true);
    expect(isOverdue(followUp, "America/Los_Angeles", now)).toBe(false);
    // Due today is not overdue; the day after is.
    expect(isOverdue({ dueOn: "2026-03-11", state: "OPEN" }, "Europe/Madrid", now)).toBe(false);
    expect(isOverdue({ dueOn: "2026-03-11", state: "OPEN" }, "Europe/Madrid", new Date("2026-03-11T23:30:00Z"))).toBe(true);
  });

  it("never calls a done or cancelled follow-up overdue", () => {
    expect(isOverdue({ ...followUp, state: "DONE" }, "Europe/Madrid", now)).toBe(false);
    expect(isOverdue({ ...followUp, state: "CANCELLED" }, "Europe/Madrid", now)).toBe(false);
  });

  it("falls back to the office's zone when the owner has none or an unknown one", () => {
    expect(effectiveTimeZone(null, "America/Mexico_City")).toBe("America/Mexico_City");
    expect(effectiveTimeZone("Mars/Olympus", "America/Mexico_City")).toBe("America/Mexico_City");
    expect(effectiveTimeZone("Europe/Madrid", "America/Mexico_City")).toBe("Europe/Madrid");
  });
});

describe("agreement expiry", () => {
  const today = "2017-11-30";
  it("flags a signed agreement 60 days before its validity ends, and after", () => {
    expect(agreementAlert({ status: "SIGNED", validUntil: new Date("2018-01-29T00:00:00Z") }, today)).toEqual({ kind: "expiring", daysLeft: 60 });
    expect(agreementAlert({ status: "SIGNED", validUntil: new Date("2018-01-30T00:00:00Z") }, today)).toBeNull();
    expect(agreementAlert({ status: "SIGNED", validUntil: "2017-11-30" }, today)).toEqual({ kind: "expiring", daysLeft: 0 });
    expect(agreementAlert({ status: "SIGNED", validUntil: "2017-11-20" }, today)).toEqual({ kind: "expired", daysAgo: 10 });
  });
  it("does not nag about terminated, expired or open-ended agreements", () => {
    expect(agreementAlert({ status: "TERMINATED", validUntil: "2017-12-01" }, today)).toBeNull();
    expect(agreementAlert({ status: "EXPIRED", validUntil: "2017-12-01" }, today)).toBeNull();
    expect(agreementAlert({ status: "SIGNED", validUntil: null }, today)).toBeNull();
  });
  it("counts calendar days across month and year ends", () => {
    expect(daysBetween("2017-11-30", "2018-01-29")).toBe(60);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(isCalendarDate("2017-02-29")).toBe(false);
    expect(monthRange(2017, 12)).toEqual({ from: "2017-12-01", to: "2018-01-01" });
  });
});

describe("the list filter", () => {
  it("reads valid values and drops invalid ones", () => {
    const filter = partnerFilterFromSearchParams(new URLSearchParams("q=  Migración &kind=UNIVERSITY&country=mx&status=NOPE&overdue=1&tag=Red Consular"));
    expect(filter).toEqual({ q: "Migración", kind: "UNIVERSITY", country: "MX", overdue: true, tag: "red consular" });
    expect(partnerFilterToSearchParams(filter).toString()).toBe("q=Migraci%C3%B3n&kind=UNIVERSITY&country=MX&tag=red+consular&overdue=1");
    expect(partnerFilterFromSearchParams(new URLSearchParams("kind=ALIENS&country=Mexico"))).toEqual({});
  });
});

describe("normalisers", () => {
  it("stores countries as ISO codes whatever the language they are written in", () => {
    expect(normalizeCountry("México")).toBe("MX");
    expect(normalizeCountry("mexico")).toBe("MX");
    expect(normalizeCountry("Estados Unidos")).toBe("US");
    expect(normalizeCountry("United States")).toBe("US");
    expect(normalizeCountry("us")).toBe("US");
    expect(normalizeCountry("Canadá")).toBe("CA");
    expect(normalizeCountry("Narnia")).toBeUndefined();
    expect(normalizeCountry("")).toBeNull();
  });
  it("reads kinds and statuses in Spanish or English", () => {
    expect(parseKind("Consulado")).toBe("FOREIGN_SERVICE_POST");
    expect(parseKind("OSC")).toBe("CIVIL_SOCIETY");
    expect(parseKind("university")).toBe("UNIVERSITY");
    expect(parseKind("LOCAL_ELECTORAL_BODY")).toBe("LOCAL_ELECTORAL_BODY");
    expect(parseKind("planeta")).toBeNull();
    expect(parseStatus("Prospecto")).toBe("PROSPECT");
    expect(parseStatus("quizá")).toBeNull();
  });
  it("accepts web addresses with or without a scheme, never other schemes", () => {
    expect(normalizeWebsite("ine.mx")).toBe("https://ine.mx");
    expect(normalizeWebsite("http://www.univa.mx/")).toBe("http://www.univa.mx/");
    expect(normalizeWebsite("javascript:alert(1)")).toBe(false);
    expect(normalizeWebsite("localhost")).toBe(false);
    expect(normalizeWebsite(" ")).toBeNull();
  });
});

describe("forms", () => {
  it("validates an institution with translated messages", () => {
    const bad = partnerFormSchema.safeParse({ name: "  ", kind: "", country: "Atlántida", website: "ftp://x.org" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({
      name: "partners.errors.nameRequired",
      kind: "partners.errors.kindRequired",
      country: "partners.errors.country",
      website: "partners.errors.website",
    });
    const good = partnerFormSchema.parse({
      name: " Universidad  del Valle de Atemajac ",
      kind: "UNIVERSITY",
      country: "MX",
      tags: "Jalisco, jalisco, OSC",
      status: "",
    });
    expect(good).toMatchObject({ name: "Universidad del Valle de Atemajac", country: "MX", tags: ["jalisco", "osc"], status: "ACTIVE", acronym: null });
  });
  it("needs a name or a contact for a person", () => {
    expect(personFormSchema.safeParse({}).error?.issues[0]?.message).toBe("partners.errors.personNameRequired");
    expect(personFormSchema.parse({ contactEmail: " Ana@Example.org " }).contactEmail).toBe("ana@example.org");
  });
  it("reads reach figures written with thousands separators", () => {
    const parsed = activityFormSchema.parse({
      occurredOn: "2017-11-30",
      kind: "MATERIALS_DELIVERED",
      summary: "Dípticos",
      itemsDistributed: "948,747",
      peopleReached: "",
    });
    expect(parsed).toMatchObject({ itemsDistributed: 948747, peopleReached: null, userIds: [], personIds: [] });
    expect(activityFormSchema.safeParse({ occurredOn: "2017-11-31", kind: "OTHER", summary: "x" }).error?.issues[0]?.message).toBe("partners.errors.date");
    expect(activityFormSchema.safeParse({ occurredOn: "2017-11-30", kind: "OTHER", summary: "x", peopleReached: "-5" }).error?.issues[0]?.message).toBe(
      "partners.errors.count"
    );
  });
});

describe("import rows", () => {
  const header = "nombre;siglas;tipo;institución superior;país;estatus;sitio web;etiquetas";
  const columns = mapPartnerHeaders(header.split(";"));
  it("detects the delimiter and maps Spanish or English headers", () => {
    expect(detectPartnerDelimiter(header)).toBe(";");
    expect(detectPartnerDelimiter("name,kind,country")).toBe(",");
    expect(columns.map((c) => c.column)).toEqual(["name", "acronym", "kind", "parent", "country", "status", "website", "tags"]);
    expect(partnerMappingProblem(mapPartnerHeaders(["siglas", "tipo"]))).toBe("noNameColumn");
    expect(partnerMappingProblem(mapPartnerHeaders(["nombre", "país"]))).toBe("noKindColumn");
  });
  it("turns a record into an institution or a reason", () => {
    const ok = toPartnerRow(
      ["Consulado de México en Dallas", "", "Consulado", "IME", "Estados Unidos", "", "consulmex.sre.gob.mx/dallas", "red consular; Texas"],
      8,
      columns
    );
    expect(ok).toEqual({
      ok: true,
      row: {
        name: "Consulado de México en Dallas",
        acronym: null,
        kind: "FOREIGN_SERVICE_POST",
        parent: "IME",
        country: "US",
        state: null,
        city: null,
        website: "https://consulmex.sre.gob.mx/dallas",
        tags: ["red consular", "texas"],
        status: "ACTIVE",
        notes: null,
      },
    });
    const reason = (fields: string[], quote = false) => {
      const out = toPartnerRow(fields, 8, columns, quote);
      return out.ok === false ? out.reason : out.ok;
    };
    expect(reason(["", "X", "OSC", "", "", "", "", ""])).toBe("missingName");
    expect(reason(["A", "", "", "", "", "", "", ""])).toBe("missingKind");
    expect(reason(["A", "", "Nave espacial", "", "", "", "", ""])).toBe("invalidKind");
    expect(reason(["A", "", "OSC", "", "Narnia", "", "", ""])).toBe("invalidCountry");
    expect(reason(["A", "", "OSC", "", "", "cerrada", "", ""])).toBe("invalidStatus");
    expect(reason(["A", "", "OSC", "", "", "", "javascript:alert(1)", ""])).toBe("invalidWebsite");
    expect(reason(["A", "", "OSC", "A", "", "", "", ""])).toBe("selfParent");
    expect(reason(["A", "", "OSC"])).toBe("tooFewFields");
    expect(reason(["A", "", "OSC", "", "", "", "", "", "extra"])).toBe("tooManyFields");
    expect(reason(["A", "", "OSC", "", "", "", "", ""], true)).toBe("malformedQuotes");
    expect(reason(["", "", "", "", "", "", "", ""])).toBe("blank");
    // An export's neutralised cell reads back as it was.
    const back = toPartnerRow(["'=Instituto", "", "OSC", "", "", "", "", ""], 8, columns);
    expect(back.ok === true && back.row.name).toBe("=Instituto");
  });
});

describe("shared activities and report parts", () => {
  it("defaults the report part from all the institutions' kinds, with the migration's precedence", () => {
    expect(defaultActivityReportPart([])).toBe("INSTITUTIONAL");
    expect(defaultActivityReportPart(["UNIVERSITY"])).toBe("EDUCATIONAL");
    expect(defaultActivityReportPart(["INE_OFFICE"])).toBe("DECENTRALIZED");
    expect(defaultActivityReportPart(["INE_OFFICE", "INE_OFFICE", "INE_OFFICE"])).toBe("DECENTRALIZED");
    expect(defaultActivityReportPart(["INE_OFFICE", "FEDERAL_AGENCY"])).toBe("INSTITUTIONAL");
    expect(defaultActivityReportPart(Array.from({ length: 7 }, () => "LOCAL_ELECTORAL_BODY" as const))).toBe("SECRETARIAT");
    expect(defaultActivityReportPart(["UNIVERSITY", "LOCAL_ELECTORAL_BODY"])).toBe("SECRETARIAT");
    expect(defaultActivityReportPart(["INE_OFFICE", "UNIVERSITY"])).toBe("EDUCATIONAL");
    for (const kind of ["FEDERAL_AGENCY", "FOREIGN_SERVICE_POST", "CIVIL_SOCIETY", "INTERNATIONAL_PROGRAMME", "MEDIA", "PRIVATE_COMPANY"] as const)
      expect(defaultActivityReportPart([kind]), kind).toBe("INSTITUTIONAL");
  });

  it("refuses the old meeting and workshop kinds with their own message", () => {
    expect(ACTIVITY_KINDS as readonly string[]).not.toContain("MEETING");
    expect(ACTIVITY_KINDS as readonly string[]).not.toContain("WORKSHOP");
    const kindError = (kind: unknown) => activityFormSchema.safeParse({ occurredOn: "2017-11-30", kind, summary: "x" }).error?.issues.find((i) => i.path[0] === "kind")?.message;
    expect(kindError("MEETING")).toBe("partners.errors.activityKindIsMeeting");
    expect(kindError("WORKSHOP")).toBe("partners.errors.activityKindIsMeeting");
    expect(kindError("NAVE")).toBe("partners.errors.activityKindRequired");
    expect(kindError("")).toBe("partners.errors.activityKindRequired");
    expect(kindError(undefined)).toBe("partners.errors.activityKindRequired");
    expect(kindError(["OTHER"])).toBe("partners.errors.activityKindRequired");
    expect(kindError("OTHER")).toBeUndefined();
  });

  it("reads the institutions by id and by name (trimmed, each once) and the report part", () => {
    const parsed = activityFormSchema.parse({
      occurredOn: "2017-11-30",
      kind: "OTHER",
      summary: "x",
      partnerIds: ["clabcdefghij0001", "clabcdefghij0001"],
      partnerNames: ["  IECM ", "iecm", "", "Instituto   Electoral"],
      reportPart: "",
    });
    expect(parsed).toMatchObject({ partnerIds: ["clabcdefghij0001"], partnerNames: ["IECM", "Instituto Electoral"], reportPart: null });
    expect(activityFormSchema.parse({ occurredOn: "2017-11-30", kind: "OTHER", summary: "x", reportPart: "EDUCATIONAL" }).reportPart).toBe("EDUCATIONAL");
    expect(activityFormSchema.safeParse({ occurredOn: "2017-11-30", kind: "OTHER", summary: "x", reportPart: "MEETING" }).success).toBe(false);
    expect(activityFormSchema.safeParse({ occurredOn: "2017-11-30", kind: "OTHER", summary: "x", partnerIds: ["'; DROP"] }).success).toBe(false);
    expect(activityFormSchema.safeParse({ occurredOn: "2017-11-30", kind: "OTHER", summary: "x", partnerNames: ["x".repeat(201)] }).success).toBe(false);
  });

  it("reads a removal's scope and the count that was shown", () => {
    expect(removeActivitySchema.parse({ activityId: "clabcdefghij0001" })).toEqual({ activityId: "clabcdefghij0001", scope: undefined, institutions: undefined });
    expect(removeActivitySchema.parse({ activityId: "clabcdefghij0001", scope: "all", institutions: "7" })).toMatchObject({ scope: "all", institutions: 7 });
    for (const bad of [{ scope: "todo" }, { institutions: "-1" }, { institutions: "1.5" }, { institutions: "x" }])
      expect(removeActivitySchema.safeParse({ activityId: "clabcdefghij0001", ...bad }).success, JSON.stringify(bad)).toBe(false);
  });

  it("shows meetings on the timeline, and ignores unknown kinds in the URL", () => {
    expect(timelineKindsFrom(new URLSearchParams("show=meeting"))).toEqual(["meeting"]);
    expect(timelineKindsFrom(new URLSearchParams("show=MEETING"))).toEqual(["person", "agreement", "activity", "meeting", "followUp"]);
  });
});
