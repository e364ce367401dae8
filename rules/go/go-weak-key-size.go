// ruleid: go-weak-key-size
// fixed: key, err := rsa.GenerateKey(rand.Reader, 3072)
key, err := rsa.GenerateKey(rand.Reader, 1024)
// ruleid: go-weak-key-size
err = dsa.GenerateParameters(&params, rand.Reader, dsa.L1024N160)
// ok: go-weak-key-size
key, err := rsa.GenerateKey(rand.Reader, 2048)
// ok: go-weak-key-size
key, err := rsa.GenerateKey(rand.Reader, 4096)
// ok: go-weak-key-size
key, err := rsa.GenerateKey(rand.Reader, bits)
