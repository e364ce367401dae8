// ruleid: go-tls-insecure-skip-verify
tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
// ok: go-tls-insecure-skip-verify
tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
// ruleid: go-tls-insecure-skip-verify
// fixed: var cfg = &tls.Config{InsecureSkipVerify: false}
var cfg = &tls.Config{InsecureSkipVerify: true}
