// ruleid: go-weak-signature-hash
sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA1, digest[:])
// ruleid: go-weak-signature-hash
	SignatureAlgorithm: x509.SHA1WithRSA,
// ok: go-weak-signature-hash
sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, digest[:])
// ok: go-weak-signature-hash
	SignatureAlgorithm: x509.SHA256WithRSA,
// ok: go-weak-signature-hash
h := crypto.SHA1.New()
