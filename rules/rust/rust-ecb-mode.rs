// ruleid: rust-ecb-mode
type Aes128EcbEnc = ecb::Encryptor<aes::Aes128>;
// ruleid: rust-ecb-mode
let ct = symm::encrypt(Cipher::aes_128_ecb(), &key, None, data)?;
// ok: rust-ecb-mode
let ct = symm::encrypt(Cipher::aes_256_gcm(), &key, Some(&iv), data)?;
