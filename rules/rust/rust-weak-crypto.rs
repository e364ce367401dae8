// ruleid: rust-weak-crypto
let digest = md5::compute(password.as_bytes());
// ruleid: rust-weak-crypto
type Cipher = ecb::Encryptor<aes::Aes128>;
// ok: rust-weak-crypto
let digest = sha2::Sha256::digest(&payload);
