package app

func check(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	port := r.URL.Query().Get("port")
	// ruleid: go-ssrf-dial
	conn, err := net.DialTimeout("tcp", net.JoinHostPort(host, port), 3*time.Second)
	var d net.Dialer
	// ruleid: go-ssrf-dial
	c2, err := d.DialContext(r.Context(), "tcp", host+":25")
	_, _, _ = conn, c2, err
}

func safe(w http.ResponseWriter, r *http.Request) {
	port, _ := strconv.Atoi(r.URL.Query().Get("port"))
	// ok: go-ssrf-dial
	conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	// ok: go-ssrf-dial
	c2, err := net.Dial("tcp", cfg.RedisAddr)
	_, _, _ = conn, c2, err
}
