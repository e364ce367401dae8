// ruleid: go-weak-crypto
block, err := des.NewCipher(key)
// ruleid: go-weak-crypto
block, err := des.NewTripleDESCipher(key)
// ruleid: go-weak-crypto
c, err := rc4.NewCipher(key)
// ok: go-weak-crypto
block, err := aes.NewCipher(key)
// ok: go-weak-crypto
sum := md5.Sum(payload)
