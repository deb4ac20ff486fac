/**
 * Provider webhooks for bounces and complaints (decision 034): SES through SNS (signed with a
 * certificate made here, fetched through an injected fetcher: no internet), SendGrid (ECDSA),
 * Postmark (basic auth), Mailgun (HMAC). Payloads are recorded fixtures in the providers' formats.
 */
import crypto from "node:crypto";
import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "~/lib/db.server";
import { handleBounceHook, hookConfigFrom, mailgunSignature, type HookConfig } from "~/modules/bulletins/index.server";
import { audience } from "../support/bulletins";

const run = promisify(execFile);
const TOPIC = "arn:aws:sns:us-east-1:123456789012:alcance-ses-feedback";
const CERT_URL = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem";
const SUBSCRIBE_URL = `https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=2336412f37fb`;

async function fixture(name: string, values: Record<string, string>) {
  let raw = await readFile(path.join("tests/fixtures/bounces/hooks", name), "utf8");
  for (const [key, value] of Object.entries(values)) raw = raw.replaceAll(`{{${key}}}`, value);
  return raw;
}

let snsKey: string;
let snsCert: string;
const fetched: string[] = [];
const fetcher = async (url: string) => {
  fetched.push(url);
  if (url === CERT_URL) return snsCert;
  if (url === SUBSCRIBE_URL) return "<ConfirmSubscriptionResponse/>";
  throw new Error(`unexpected fetch ${url}`);
};

const sendgrid = crypto.generateKeyPairSync("ec", { namedCurve: "prime256v1" });
const config: HookConfig = {
  ...hookConfigFrom({
    BOUNCE_SES_TOPIC_ARNS: TOPIC,
    // SendGrid shows the key as base64 DER (SubjectPublicKeyInfo).
    BOUNCE_SENDGRID_PUBLIC_KEY: sendgrid.publicKey.export({ format: "der", type: "spki" }).toString("base64"),
    BOUNCE_POSTMARK_USER: "postmark",
    BOUNCE_POSTMARK_PASSWORD: "s3cret-hook-password",
    BOUNCE_MAILGUN_SIGNING_KEY: "key-0123456789abcdef0123456789abcdef",
  }),
};

beforeAll(async () => {
  // A self-signed certificate standing in for SNS's signing certificate.
  const dir = await mkdtemp(path.join(tmpdir(), "sns-"));
  await run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`, "-days", "2", "-subj", "/CN=sns.amazonaws.com"]);
  snsKey = await readFile(`${dir}/key.pem`, "utf8");
  snsCert = await readFile(`${dir}/cert.pem`, "utf8");
});

/** Signs an SNS message the way AWS documents it (written out here, not taken from the code under test). */
function signSns(message: Record<string, string>): Record<string, string> {
  const fields = message.Type === "Notification" ? ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"] : ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
  const canonical = fields.filter((f) => message[f] !== undefined).map((f) => `${f}\n${message[f]}\n`).join("");
  const signer = crypto.createSign(message.SignatureVersion === "2" ? "RSA-SHA256" : "RSA-SHA1");
  signer.update(canonical);
  return { ...message, Signature: signer.sign(snsKey, "base64") };
}

async function snsNotification(sesJson: string, messageId = crypto.randomUUID()) {
  const envelope = JSON.parse(await fixture("sns-envelope.json", { CERT_URL, MESSAGE_ID: messageId })) as Record<string, string>;
  envelope.Message = JSON.stringify(JSON.parse(sesJson));
  return signSns(envelope);
}

function post(provider: string, body: string, headers: Record<string, string> = {}, ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) {
  return handleBounceHook(provider as "ses", new Request(`http://app.test/hooks/bounces/${provider}`, { method: "POST", body, headers: { "content-type": "application/json", "x-alcance-client-ip": ip, ...headers } }), { config, fetcher });
}

async function sentBulletin(contacts: { id: number; email: string }[]) {
  const bulletin = await db.bulletin.create({ data: { name: "b", subject: "s", bodyMarkdown: "x", fromName: "n", fromEmail: "boletin@alcance.test", status: "SENDING" } });
  const deliveries = [];
  for (const c of contacts) deliveries.push(await db.bulletinDelivery.create({ data: { bulletinId: bulletin.id, contactId: c.id, email: c.email, status: "SENT" } }));
  return { bulletin, deliveries };
}

const status = async (id: number) => (await db.contact.findUniqueOrThrow({ where: { id } })).subscriptionStatus;

describe("SES through SNS", () => {
  it("a signed bounce suppresses its delivery's contact once; a redelivery changes nothing", async () => {
    const a = await audience(1);
    const c = a.contacts[0]!;
    const { bulletin, deliveries } = await sentBulletin([c]);
    const body = JSON.stringify(await snsNotification(await fixture("ses-bounce.json", { RECIPIENT: c.email, BULLETIN: bulletin.id, DELIVERY: String(deliveries[0]!.id) })));
    const first = await post("ses", body);
    expect(first).toMatchObject({ status: 200, body: { received: 1, suppressed: 1 } });
    expect(await status(c.id)).toBe("BOUNCED");
    expect(fetched).toContain(CERT_URL);
    const again = await post("ses", body);
    expect(again).toMatchObject({ status: 200, body: { received: 1, duplicate: 1, suppressed: 0 } });
    const reports = await db.bounceReport.findMany({ where: { contactId: c.id } });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ source: "ses", kind: "HARD", status: "5.1.1", recipient: c.email, bulletinId: bulletin.id, deliveryId: deliveries[0]!.id, outcome: "suppressed", previousStatus: "SUBSCRIBED" });
    expect(reports[0]!.raw).toContain('"TopicArn"');
  });

  it("refuses a tampered message, an untrusted certificate URL and a foreign topic", async () => {
    const a = await audience(1);
    const c = a.contacts[0]!;
    const signed = await snsNotification(await fixture("ses-complaint.json", { RECIPIENT: c.email, BULLETIN: "cnone", DELIVERY: "0" }));
    const tampered = { ...signed, Message: signed.Message!.replace("abuse", "not-spam") };
    expect((await post("ses", JSON.stringify(tampered))).status).toBe(401);
    const elsewhere = signSns({ ...signed, SigningCertURL: "https://sns.us-east-1.amazonaws.com.evil.example/cert.pem" });
    expect((await post("ses", JSON.stringify(elsewhere))).status).toBe(401);
    const plainHttp = signSns({ ...signed, SigningCertURL: CERT_URL.replace("https:", "http:") });
    expect((await post("ses", JSON.stringify(plainHttp))).status).toBe(401);
    const foreign = signSns({ ...signed, TopicArn: "arn:aws:sns:us-east-1:999999999999:other" });
    expect((await post("ses", JSON.stringify(foreign))).status).toBe(401);
    expect((await post("ses", "not json")).status).toBe(401);
    expect(await status(c.id)).toBe("SUBSCRIBED");
    // The genuine one goes through.
    expect(await post("ses", JSON.stringify(signed))).toMatchObject({ status: 200, body: { suppressed: 1 } });
    expect(await status(c.id)).toBe("COMPLAINED");
  });

  it("confirms a signed subscription by visiting its SubscribeURL, and only an SNS one", async () => {
    const confirmation = JSON.parse(await fixture("sns-subscription.json", { CERT_URL, SUBSCRIBE_URL })) as Record<string, string>;
    fetched.length = 0;
    expect(await post("ses", JSON.stringify(signSns(confirmation)))).toMatchObject({ status: 200, body: { note: "subscribed" } });
    expect(fetched).toContain(SUBSCRIBE_URL);
    fetched.length = 0;
    const evil = signSns({ ...confirmation, SubscribeURL: "https://evil.example/?Action=ConfirmSubscription" });
    expect((await post("ses", JSON.stringify(evil))).status).toBe(401);
    expect(fetched).not.toContain("https://evil.example/?Action=ConfirmSubscription");
  });
});

describe("SendGrid signed event webhook", () => {
  function signed(body: string) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = crypto.sign("sha256", Buffer.from(timestamp + body), sendgrid.privateKey).toString("base64");
    return { "x-twilio-email-event-webhook-signature": signature, "x-twilio-email-event-webhook-timestamp": timestamp };
  }

  it("applies bounces and spam reports from a batch, skips other events, and is idempotent per sg_event_id", async () => {
    const a = await audience(3);
    const [hard, complaint, blocked] = a.contacts;
    const { bulletin, deliveries } = await sentBulletin([hard!, complaint!]);
    const tag = a.tag.slice(2);
    const body = (await fixture("sendgrid-events.json", { RECIPIENT: hard!.email, RECIPIENT2: complaint!.email, RECIPIENT3: blocked!.email, BULLETIN: bulletin.id, DELIVERY: String(deliveries[0]!.id), DELIVERY2: String(deliveries[1]!.id) })).replace(/"sg_event_id": "([^"]+)"/g, `"sg_event_id": "$1-${tag}"`);
    expect(await post("sendgrid", body, signed(body))).toMatchObject({ status: 200, body: { received: 3, ignored: 1, suppressed: 2, counted: 1 } });
    expect(await status(hard!.id)).toBe("BOUNCED");
    expect(await status(complaint!.id)).toBe("COMPLAINED");
    expect(await status(blocked!.id)).toBe("SUBSCRIBED");
    expect((await db.contact.findUniqueOrThrow({ where: { id: blocked!.id } })).softBounces).toBe(1);
    expect(await post("sendgrid", body, signed(body))).toMatchObject({ status: 200, body: { duplicate: 3 } });
    expect((await db.contact.findUniqueOrThrow({ where: { id: blocked!.id } })).softBounces).toBe(1);
  });

  it("refuses a wrong signature, a body changed after signing, and missing headers", async () => {
    const body = JSON.stringify([{ email: "x@example.org", event: "spamreport", sg_event_id: "zz" }]);
    const headers = signed(body);
    expect((await post("sendgrid", body.replace("x@", "y@"), headers)).status).toBe(401);
    expect((await post("sendgrid", body, { ...headers, "x-twilio-email-event-webhook-timestamp": "1" })).status).toBe(401);
    expect((await post("sendgrid", body)).status).toBe(401);
    const other = crypto.generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const forged = crypto.sign("sha256", Buffer.from(headers["x-twilio-email-event-webhook-timestamp"] + body), other.privateKey).toString("base64");
    expect((await post("sendgrid", body, { ...headers, "x-twilio-email-event-webhook-signature": forged })).status).toBe(401);
  });
});

describe("Postmark (basic auth)", () => {
  const auth = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` });

  it("a hard bounce and a spam complaint, each once; wrong credentials are refused", async () => {
    const a = await audience(2);
    const [hard, spam] = a.contacts;
    const unique = String(Date.now() % 1e9);
    const bounce = (await fixture("postmark-bounce.json", { RECIPIENT: hard!.email })).replace('"ID": 4323372036854775807', `"ID": ${unique}1`);
    const complaint = (await fixture("postmark-spam.json", { RECIPIENT: spam!.email })).replace('"ID": 4323372036854775808', `"ID": ${unique}2`);
    expect((await post("postmark", bounce, auth("postmark", "wrong"))).status).toBe(401);
    expect((await post("postmark", bounce)).status).toBe(401);
    expect(await status(hard!.id)).toBe("SUBSCRIBED");
    expect(await post("postmark", bounce, auth("postmark", "s3cret-hook-password"))).toMatchObject({ status: 200, body: { suppressed: 1 } });
    expect(await post("postmark", complaint, auth("postmark", "s3cret-hook-password"))).toMatchObject({ status: 200, body: { suppressed: 1 } });
    expect(await post("postmark", bounce, auth("postmark", "s3cret-hook-password"))).toMatchObject({ status: 200, body: { duplicate: 1 } });
    expect(await status(hard!.id)).toBe("BOUNCED");
    expect(await status(spam!.id)).toBe("COMPLAINED");
  });
});

describe("Mailgun (HMAC)", () => {
  function signedBody(raw: string, key = "key-0123456789abcdef0123456789abcdef") {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const token = crypto.randomBytes(25).toString("hex");
    const signature = crypto.createHmac("sha256", key).update(timestamp + token).digest("hex");
    return raw.replace("{{TIMESTAMP}}", timestamp).replace("{{TOKEN}}", token).replace("{{SIGNATURE}}", signature);
  }

  it("a permanent failure and a complaint, with our delivery reference; bad signatures refused", async () => {
    const a = await audience(2);
    const [failed, complained] = a.contacts;
    const { bulletin, deliveries } = await sentBulletin([failed!, complained!]);
    const tag = a.tag.slice(2);
    const failure = (await fixture("mailgun-failed.json", { RECIPIENT: failed!.email, BULLETIN: bulletin.id, DELIVERY: String(deliveries[0]!.id) })).replace("G9Bn5sl1TC6nu79C8C0bwg", `G9Bn-${tag}`);
    const complaint = (await fixture("mailgun-complained.json", { RECIPIENT: complained!.email, BULLETIN: bulletin.id, DELIVERY: String(deliveries[1]!.id) })).replace("-Agny091SquKnsrW2NEKUA", `Agny-${tag}`);
    expect((await post("mailgun", signedBody(failure, "key-wrong"))).status).toBe(401);
    expect((await post("mailgun", failure)).status).toBe(401);
    expect(await post("mailgun", signedBody(failure))).toMatchObject({ status: 200, body: { suppressed: 1 } });
    expect(await post("mailgun", signedBody(complaint))).toMatchObject({ status: 200, body: { suppressed: 1 } });
    expect(await post("mailgun", signedBody(failure))).toMatchObject({ status: 200, body: { duplicate: 1 } });
    const report = await db.bounceReport.findFirstOrThrow({ where: { source: "mailgun", contactId: failed!.id } });
    expect(report).toMatchObject({ deliveryId: deliveries[0]!.id, bulletinId: bulletin.id, kind: "HARD", status: "550" });
    expect(mailgunSignature("k", "1", "t")).toBe(crypto.createHmac("sha256", "k").update("1t").digest("hex"));
  });
});

describe("an endpoint whose provider is not configured", () => {
  const off = hookConfigFrom({});
  it("answers 401 to everything, signed or not", async () => {
    for (const provider of ["ses", "sendgrid", "postmark", "mailgun"] as const) {
      for (const method of ["POST", "GET", "PUT"]) {
        const request = new Request(`http://app.test/hooks/bounces/${provider}`, { method, ...(method === "GET" ? {} : { body: "{}" }) });
        expect((await handleBounceHook(provider, request, { config: off, fetcher })).status, `${method} ${provider}`).toBe(401);
      }
    }
  });

  it("over HTTP (the test server configures none): 401 from any origin, never 403, 404 or 2xx; unknown providers 404", async () => {
    const base = inject("baseUrl");
    for (const provider of ["ses", "sendgrid", "postmark", "mailgun"]) {
      const res = await fetch(new URL(`/hooks/bounces/${provider}`, base), { method: "POST", headers: { "content-type": "application/json", origin: "https://sns.us-east-1.amazonaws.com", "sec-fetch-site": "cross-site" }, body: "[]" });
      expect(res.status, provider).toBe(401);
      expect((await fetch(new URL(`/hooks/bounces/${provider}`, base))).status, `GET ${provider}`).toBe(401);
    }
    expect((await fetch(new URL("/hooks/bounces/other", base), { method: "POST", body: "{}" })).status).toBe(404);
  });
});

describe("rate limit", () => {
  it("answers 429 past the per-minute allowance of one address", async () => {
    const ip = `10.250.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    let last = 0;
    for (let i = 0; i < 601; i++) last = (await post("mailgun", "{}", {}, ip)).status;
    expect(last).toBe(429);
  });
});
