// ruleid: go-cipher-key-from-password
block, err := aes.NewCipher([]byte(password))
// ruleid: go-cipher-key-from-password
block, err := aes.NewCipher([]byte(cfg.Passphrase))
// ok: go-cipher-key-from-password
block, err := aes.NewCipher(argon2.IDKey([]byte(password), salt, 1, 64*1024, 4, 32))
// ok: go-cipher-key-from-password
block, err := aes.NewCipher(key)
