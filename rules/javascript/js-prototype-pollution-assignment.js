const settings = {};

app.post("/settings", (req, res) => {
  const { section, key, value } = req.body;
  // ruleid: js-prototype-pollution-assignment
  settings[section][key] = value;
  res.sendStatus(204);
});

app.post("/settings2", (req, res) => {
  const section = req.body.section;
  if (!ALLOWED_SECTIONS.includes(section)) return res.sendStatus(400);
  // ok: js-prototype-pollution-assignment
  settings[section][req.body.key] = req.body.value;
  res.sendStatus(204);
});

app.post("/settings3", (req, res) => {
  // ok: js-prototype-pollution-assignment
  settings.general[req.body.key] = req.body.value;
  res.sendStatus(204);
});
