// ruleid: js-createcipher-no-iv
const cipher = crypto.createCipher("aes-256-cbc", password);
// ruleid: js-createcipher-no-iv
const decipher = createDecipher("aes192", secret);
// ok: js-createcipher-no-iv
const c = crypto.createCipheriv("aes-256-gcm", key, crypto.randomBytes(12));
