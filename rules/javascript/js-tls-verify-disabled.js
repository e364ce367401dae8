// ruleid: js-tls-verify-disabled
const agent = new https.Agent({ rejectUnauthorized: false });
// ruleid: js-tls-verify-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
// ok: js-tls-verify-disabled
const agent = new https.Agent({ ca: fs.readFileSync(caFile) });
// ruleid: js-tls-verify-disabled
// fixed: const agent = new https.Agent({ rejectUnauthorized: true });
const agent = new https.Agent({ rejectUnauthorized: false });
