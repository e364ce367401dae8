// ruleid: js-small-rsa-key
const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 });
// ruleid: js-small-rsa-key
const key = new NodeRSA({ b: 512 });
// ok: js-small-rsa-key
const strong = crypto.generateKeyPairSync("rsa", { modulusLength: 3072 });
// ok: js-small-rsa-key
const ec = crypto.generateKeyPairSync("ed25519");
