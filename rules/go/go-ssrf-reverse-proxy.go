package app

func proxy(w http.ResponseWriter, r *http.Request) {
	target, _ := url.Parse(r.URL.Query().Get("upstream"))
	// ruleid: go-ssrf-reverse-proxy
	p := httputil.NewSingleHostReverseProxy(target)
	p.ServeHTTP(w, r)
}

var upstreams = map[string]*url.URL{"billing": billingURL}

func safe(w http.ResponseWriter, r *http.Request) {
	u, _ := url.Parse(os.Getenv("UPSTREAM"))
	// ok: go-ssrf-reverse-proxy
	p := httputil.NewSingleHostReverseProxy(u)
	// ok: go-ssrf-reverse-proxy
	q := httputil.NewSingleHostReverseProxy(billingURL)
	p.ServeHTTP(w, r)
	_ = q
}
