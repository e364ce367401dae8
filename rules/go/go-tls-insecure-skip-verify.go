// ruleid: go-tls-insecure-skip-verify
tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
// ruleid: go-tls-insecure-skip-verify
cfg.InsecureSkipVerify = true
// ruleid: go-tls-insecure-skip-verify
db, err := sql.Open("mysql", "app:"+pass+"@tcp(db:3306)/app?tls=skip-verify")
// ok: go-tls-insecure-skip-verify
tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}
// ok: go-tls-insecure-skip-verify
tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: false}}
// ok: go-tls-insecure-skip-verify
db, err := sql.Open("mysql", "app:"+pass+"@tcp(db:3306)/app?tls=true")
// ruleid: go-tls-insecure-skip-verify
// fixed: var cfg = &tls.Config{InsecureSkipVerify: false}
var cfg = &tls.Config{InsecureSkipVerify: true}
