const _ = require("lodash");

app.post("/prefs", (req, res) => {
  const prefs = {};
  // ruleid: js-prototype-pollution-merge
  _.merge(prefs, req.body);
  // ruleid: js-prototype-pollution-merge
  _.set(prefs, req.query.path, req.query.value);
  // ok: js-prototype-pollution-merge
  _.merge(prefs, _.pick(req.body, ["theme", "language"]));
  // ok: js-prototype-pollution-merge
  _.merge(prefs, DEFAULT_PREFS);
  res.json(prefs);
});
