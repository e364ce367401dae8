// ruleid: js-pbkdf2-low-iterations
const key = crypto.pbkdf2Sync(password, salt, 1000, 32, "sha256");
// ruleid: js-pbkdf2-low-iterations
const k2 = CryptoJS.PBKDF2(password, salt, { keySize: 8, iterations: 100 });
// ok: js-pbkdf2-low-iterations
const strong = crypto.pbkdf2Sync(password, salt, 600000, 32, "sha256");
// ok: js-pbkdf2-low-iterations
crypto.pbkdf2(password, salt, ITERATIONS, 32, "sha256", done);
