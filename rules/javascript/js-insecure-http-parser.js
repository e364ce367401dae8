// ruleid: js-insecure-http-parser
const server = http.createServer({ insecureHTTPParser: true }, app);
// ok: js-insecure-http-parser
const server2 = http.createServer({ insecureHTTPParser: false }, app);
