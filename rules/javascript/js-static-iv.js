// ruleid: js-static-iv
const c = crypto.createCipheriv("aes-256-cbc", key, "1234567890abcdef");
// ok: js-static-iv
const c = crypto.createCipheriv("aes-256-gcm", key, crypto.randomBytes(12));
