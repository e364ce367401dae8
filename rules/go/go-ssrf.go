package app

func proxy(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: go-ssrf
	resp, err := http.Get(target)
	_, _ = resp, err
}

func hook(c *gin.Context) {
	u := c.Query("target") + "/hook"
	// ruleid: go-ssrf
	req, _ := http.NewRequest("GET", u, nil)
	// ruleid: go-ssrf
	httpClient.Post(c.PostForm("callback"), "application/json", nil)
	_ = req
}

func safe(w http.ResponseWriter, r *http.Request) {
	q := url.QueryEscape(r.FormValue("q"))
	// ok: go-ssrf
	resp, err := http.Get("https://search.example.com/?q=" + q)
	// ok: go-ssrf
	resp, err = http.Get(cfg.UpstreamURL + "/health")
	_, _ = resp, err
}
