// ruleid: go-weak-crypto
sum := md5.Sum([]byte(password))
// ruleid: go-weak-crypto
block, err := des.NewCipher(key)
// ok: go-weak-crypto
sum := sha256.Sum256(payload)
// ok: go-weak-crypto
block, err := aes.NewCipher(key)
