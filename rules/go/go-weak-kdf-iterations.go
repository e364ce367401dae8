// ruleid: go-weak-kdf-iterations
key := pbkdf2.Key([]byte(pass), salt, 1000, 32, sha256.New)
// ruleid: go-weak-kdf-iterations
dk, err := scrypt.Key([]byte(pass), salt, 1024, 8, 1, 32)
// ok: go-weak-kdf-iterations
key := pbkdf2.Key([]byte(pass), salt, 600000, 32, sha256.New)
// ok: go-weak-kdf-iterations
dk, err := scrypt.Key([]byte(pass), salt, 32768, 8, 1, 32)
