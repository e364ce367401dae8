// ruleid: js-weak-password-hash
const hash = crypto.createHash("md5").update(password).digest("hex");
// ruleid: js-weak-password-hash
user.passwordHash = sha1(req.body.password);
// ok: js-weak-password-hash
const etag = crypto.createHash("md5").update(body).digest("hex");
// ok: js-weak-password-hash
const hashed = await bcrypt.hash(password, 12);
// ok: js-weak-password-hash
const fp = crypto.createHash("sha256").update(fileContents).digest("hex");
