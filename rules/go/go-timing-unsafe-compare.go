package hooks

import (
	"crypto/hmac"
	"crypto/sha256"
)

func valid(body []byte, sigHeader string) bool {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	expected := mac.Sum(nil)
	given, _ := hex.DecodeString(sigHeader)
	// ruleid: go-timing-unsafe-compare
	if bytes.Equal(given, mac.Sum(nil)) {
		return true
	}
	// ruleid: go-timing-unsafe-compare
	return hex.EncodeToString(mac.Sum(nil)) == sigHeader
}

func validSafe(body []byte, given []byte) bool {
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	// ok: go-timing-unsafe-compare
	return hmac.Equal(given, mac.Sum(nil))
}

func sameFile(a, b []byte) bool {
	// ok: go-timing-unsafe-compare
	return bytes.Equal(a, b)
}

func checksumOK(file, want []byte) bool {
	digest := sha256.Sum256(file)
	// ok: go-timing-unsafe-compare
	return bytes.Equal(digest[:], wantDigest)
}
