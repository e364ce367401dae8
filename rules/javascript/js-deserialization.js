const serialize = require("node-serialize");

app.post("/state", (req, res) => {
  const raw = Buffer.from(req.cookies.state, "base64").toString();
  // ruleid: js-deserialization
  const state = serialize.unserialize(raw);
  // ok: js-deserialization
  const data = JSON.parse(raw);
  // ok: js-deserialization
  const fixed = serialize.unserialize(DEFAULT_STATE);
  res.json({ state, data, fixed });
});
