// ruleid: go-ssrf
resp, err := http.Get(r.URL.Query().Get("url"))
// ruleid: go-ssrf
req, _ := http.NewRequest("GET", c.Query("target"), nil)
// ok: go-ssrf
resp, err := http.Get(cfg.UpstreamURL + "/health")
