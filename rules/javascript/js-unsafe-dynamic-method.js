const actions = { start, stop };

app.post("/action", (req, res) => {
  const name = req.body.action;
  // ruleid: js-unsafe-dynamic-method
  const result = actions[name](req.body.args);
  res.json(result);
});

app.post("/action2", (req, res) => {
  const name = req.body.action;
  if (!ALLOWED_ACTIONS.includes(name)) return res.sendStatus(400);
  // ok: js-unsafe-dynamic-method
  res.json(actions[name](req.body.args));
});

app.post("/action3", (req, res) => {
  // ok: js-unsafe-dynamic-method
  res.json(actions["start"](req.body.args));
});
