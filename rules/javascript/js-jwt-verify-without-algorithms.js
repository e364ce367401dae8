function auth(req, res, next) {
  // ruleid: js-jwt-verify-without-algorithms
  const claims = jwt.verify(req.headers.authorization, publicKey);
  // ruleid: js-jwt-verify-without-algorithms
  jwt.verify(token, publicKey, (err, decoded) => next(err));
  // ok: js-jwt-verify-without-algorithms
  const ok = jwt.verify(token, publicKey, { algorithms: ["RS256"] });
  // ok: js-jwt-verify-without-algorithms
  const ok2 = jwt.verify(token, publicKey, verifyOptions);
  // ok: js-jwt-verify-without-algorithms
  const sig = crypto.verify("sha256", data, key, signature);
}
