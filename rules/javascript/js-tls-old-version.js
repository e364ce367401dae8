// ruleid: js-tls-old-version
const server = https.createServer({ key, cert, secureProtocol: "TLSv1_method" }, app);
// ruleid: js-tls-old-version
const agent = new https.Agent({ minVersion: "TLSv1" });
// ok: js-tls-old-version
const agent2 = new https.Agent({ minVersion: "TLSv1.2" });
// ok: js-tls-old-version
const s2 = https.createServer({ key, cert, secureProtocol: "TLSv1_2_method" }, app);
