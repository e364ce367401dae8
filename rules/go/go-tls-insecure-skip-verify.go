// ruleid: go-tls-insecure-skip-verify
tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
// ok: go-tls-insecure-skip-verify
tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
