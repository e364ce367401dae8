app.get("/search", (req, res) => {
  const q = req.query.q;
  // ruleid: js-regex-injection
  const re = new RegExp("^" + q);
  // ok: js-regex-injection
  const safe = new RegExp("^" + _.escapeRegExp(q), "i");
  // ok: js-regex-injection
  const fixed = new RegExp("^[a-z]+$");
  res.json(items.filter((i) => re.test(i.name) || safe.test(i.name) || fixed.test(i.name)));
});
