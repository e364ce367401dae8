// ruleid: js-cors-credentials-any-origin
app.use(cors({ origin: true, credentials: true }));
// ruleid: js-cors-credentials-any-origin
res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
// ok: js-cors-credentials-any-origin
app.use(cors({ origin: ["https://app.example.com"], credentials: true }));
