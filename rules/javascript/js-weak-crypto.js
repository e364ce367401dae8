// ruleid: js-weak-crypto
const c = crypto.createCipheriv("des-ede3-cbc", key, iv);
// ruleid: js-weak-crypto
const enc = CryptoJS.TripleDES.encrypt(message, key);
// ok: js-weak-crypto
const g = crypto.createCipheriv("aes-256-gcm", key, iv);
// ok: js-weak-crypto
const d = crypto.createCipheriv("aes-256-cbc", key, desIv);
// ok: js-weak-crypto
const e = crypto.createCipheriv("des-ecb", key, null);
