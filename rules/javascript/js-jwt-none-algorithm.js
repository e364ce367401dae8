// ruleid: js-jwt-none-algorithm
const claims = jwt.verify(token, key, { algorithms: ["HS256", "none"] });
// ruleid: js-jwt-none-algorithm
const t = jwt.sign(payload, null, { algorithm: "none" });
// ok: js-jwt-none-algorithm
const ok = jwt.verify(token, key, { algorithms: ["RS256"] });
// ok: js-jwt-none-algorithm
const reason = "none";
