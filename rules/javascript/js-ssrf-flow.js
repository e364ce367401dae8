const axios = require("axios");

app.get("/preview", async (req, res) => {
  const target = req.query.url;
  // ruleid: js-ssrf-flow
  const page = await fetch(target);
  // ruleid: js-ssrf-flow
  await axios.post(req.body.webhook, { status: 1 });
  // ok: js-ssrf-flow
  await axios.get("https://api.example.com/status");
  res.send(String(page.status));
});

app.get("/fetch", async (req, res) => {
  const target = req.query.url;
  if (!ALLOWED_HOSTS.includes(new URL(target).hostname)) {
    return res.sendStatus(400);
  }
  // ok: js-ssrf-flow
  const page = await fetch(target);
  res.sendStatus(page.status);
});
