const xpath = require("xpath");

app.get("/user", (req, res) => {
  const expr = "//user[@name='" + req.query.name + "']";
  // ruleid: js-xpath-injection
  const nodes = xpath.select(expr, doc);
  // ok: js-xpath-injection
  const all = xpath.select("//user", doc);
  res.json({ n: nodes.length + all.length });
});
