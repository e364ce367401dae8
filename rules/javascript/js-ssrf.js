// ruleid: js-ssrf
const r = await fetch(req.query.url);
// ruleid: js-ssrf
const { data } = await axios.get(req.body.webhook);
// ok: js-ssrf
const r = await fetch(`${API_BASE}/users/${encodeURIComponent(req.params.id)}`);
