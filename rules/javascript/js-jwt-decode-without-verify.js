function requireUser(req, res, next) {
  const token = req.headers.authorization.split(" ")[1];
  // ruleid: js-jwt-decode-without-verify
  const claims = jwt.decode(token);
  req.user = claims.sub;
  next();
}

function requireUserVerified(req, res, next) {
  const token = req.headers.authorization.split(" ")[1];
  const claims = jwt.verify(token, key, { algorithms: ["RS256"] });
  // ok: js-jwt-decode-without-verify
  const header = jwt.decode(token, { complete: true }).header;
  req.user = claims.sub;
  next();
}

function showExpiry(token) {
  // ok: js-jwt-decode-without-verify
  return jwt.decode(token).exp;
}
