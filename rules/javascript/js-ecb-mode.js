// ruleid: js-ecb-mode
const c = crypto.createCipheriv("aes-128-ecb", key, null);
// ruleid: js-ecb-mode
const enc = CryptoJS.AES.encrypt(data, key, { mode: CryptoJS.mode.ECB });
// ok: js-ecb-mode
const g = crypto.createCipheriv("aes-256-gcm", key, iv);
// ok: js-ecb-mode
const cbc = CryptoJS.AES.encrypt(data, key, { iv, mode: CryptoJS.mode.CBC });
