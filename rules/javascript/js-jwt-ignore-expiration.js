// ruleid: js-jwt-ignore-expiration
const claims = jwt.verify(token, key, { algorithms: ["RS256"], ignoreExpiration: true });
// ok: js-jwt-ignore-expiration
const ok = jwt.verify(token, key, { algorithms: ["RS256"], ignoreExpiration: false });
