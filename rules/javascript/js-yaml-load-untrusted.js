const yaml = require("js-yaml");

app.post("/import", (req, res) => {
  // ruleid: js-yaml-load-untrusted
  const doc = yaml.load(req.body.config);
  // ok: js-yaml-load-untrusted
  const safe = yaml.safeLoad(req.body.config);
  // ok: js-yaml-load-untrusted
  const local = yaml.load(fs.readFileSync("config.yml", "utf8"));
  res.json({ doc, safe, local });
});

app.get("/snippet/:key", async (req, res) => {
  // ok: js-yaml-load-untrusted
  const info = yaml.load(await fs.readFile("./data/" + req.params.key + ".yml", "utf8"));
  res.json(info);
});
