app.post("/webhook", (req, res) => {
  const expected = crypto.createHmac("sha256", secret).update(req.rawBody).digest("hex");
  // ruleid: js-timing-unsafe-compare
  if (req.headers["x-signature"] !== expected) return res.sendStatus(401);
  // ruleid: js-timing-unsafe-compare
  if (hmac.digest("hex") === signature) accept();
  // ok: js-timing-unsafe-compare
  if (!signature || signature === undefined) return res.sendStatus(400);
  // ok: js-timing-unsafe-compare
  if (crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) accept();
  // ok: js-timing-unsafe-compare
  if (signature.length !== expected.length) return res.sendStatus(401);
});
// ok: js-timing-unsafe-compare
if (cert.signatureAlgorithm === signatureAlgorithms.RSA_SHA256) useRsa();
