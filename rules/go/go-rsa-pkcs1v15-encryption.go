// ruleid: go-rsa-pkcs1v15-encryption
ct, err := rsa.EncryptPKCS1v15(rand.Reader, pub, secret)
// ruleid: go-rsa-pkcs1v15-encryption
pt, err := rsa.DecryptPKCS1v15(nil, priv, ct)
// ok: go-rsa-pkcs1v15-encryption
ct, err := rsa.EncryptOAEP(sha256.New(), rand.Reader, pub, secret, nil)
// ok: go-rsa-pkcs1v15-encryption
sig, err := rsa.SignPKCS1v15(rand.Reader, priv, crypto.SHA256, digest)
