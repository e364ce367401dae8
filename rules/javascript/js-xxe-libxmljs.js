const libxmljs = require("libxmljs");

app.post("/import", (req, res) => {
  // ruleid: js-xxe-libxmljs
  const doc = libxmljs.parseXml(req.body, { noent: true, nonet: false });
  // ok: js-xxe-libxmljs
  const safe = libxmljs.parseXml(req.body, { nonet: true });
  // ok: js-xxe-libxmljs
  const safe2 = libxmljs.parseXmlString(req.body, { noent: false });
  res.json({ doc, safe, safe2 });
});
