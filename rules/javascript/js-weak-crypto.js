// ruleid: js-weak-crypto
const hash = crypto.createHash("md5").update(password).digest("hex");
// ruleid: js-weak-crypto
const c = crypto.createCipheriv("aes-128-ecb", key, null);
// ok: js-weak-crypto
const etag = crypto.createHash("md5").update(body).digest("hex");
// ok: js-weak-crypto
const c = crypto.createCipheriv("aes-256-gcm", key, iv);
