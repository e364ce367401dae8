// ruleid: js-insecure-random
const resetToken = Math.random().toString(36).slice(2);
// ruleid: js-insecure-random
otp: Math.floor(Math.random() * 1000000),
// ok: js-insecure-random
const jitter = Math.random() * 100;
