// ruleid: rust-weak-crypto
let cipher = des::TdesEde3::new_from_slice(&key)?;
// ruleid: rust-weak-crypto
let enc = symm::encrypt(Cipher::des_ede3_cbc(), &key, Some(&iv), data)?;
// ok: rust-weak-crypto
let cipher = aes_gcm::Aes256Gcm::new_from_slice(&key)?;
// ok: rust-weak-crypto
type DesEcb = ecb::Encryptor<des::Des>;
