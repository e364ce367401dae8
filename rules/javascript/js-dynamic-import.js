app.post("/plugin", async (req, res) => {
  // ruleid: js-dynamic-import
  const mod = await import("./plugins/" + req.body.name + ".js");
  // ok: js-dynamic-import
  const fixed = await import("./plugins/default.js");
  const name = req.body.name;
  if (!PLUGINS.has(name)) return res.sendStatus(404);
  // ok: js-dynamic-import
  const checked = await import(`./plugins/${name}.js`);
  res.json({ mod, fixed, checked });
});
