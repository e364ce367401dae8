// ruleid: js-pseudo-random-bytes
const token = crypto.pseudoRandomBytes(32).toString("hex");
// ok: js-pseudo-random-bytes
const token2 = crypto.randomBytes(32).toString("hex");
