package app

func download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	full := filepath.Join("uploads", name)
	// ruleid: go-path-traversal
	f, err := os.Open(full)
	_, _ = f, err
}

func avatar(c *gin.Context) {
	file := c.Param("file")
	// ruleid: go-path-traversal
	data, err := os.ReadFile("/srv/files/" + file)
	// ruleid: go-path-traversal
	os.Remove("/srv/public/" + file)
	_, _ = data, err
}

func safe(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("name"))
	// ok: go-path-traversal
	data, err := os.ReadFile(filepath.Join(baseDir, name))
	n := r.FormValue("n")
	if strings.Contains(n, "..") {
		return
	}
	// ok: go-path-traversal
	os.WriteFile(filepath.Join(baseDir, n), body, 0o644)
	p := filepath.Join(baseDir, r.FormValue("p"))
	if !strings.HasPrefix(p, baseDir) {
		http.Error(w, "bad path", 400)
		return
	}
	// ok: go-path-traversal
	os.Remove(p)
	// ok: go-path-traversal
	cfg, err := os.ReadFile(filepath.Join(baseDir, "config.yaml"))
	_, _, _ = data, cfg, err
}
