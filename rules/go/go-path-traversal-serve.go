package app

func download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	full := filepath.Join("uploads", name)
	// ruleid: go-path-traversal-serve
	http.ServeFile(w, r, full)
}

func avatar(c *gin.Context) {
	file := c.Param("file")
	// ruleid: go-path-traversal-serve
	c.File("/srv/public/" + file)
	// ruleid: go-path-traversal-serve
	c.FileAttachment("/srv/exports/"+c.Query("id")+".csv", "export.csv")
}

func safe(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("name"))
	// ok: go-path-traversal-serve
	http.ServeFile(w, r, filepath.Join("uploads", name))
	p := filepath.Join(baseDir, r.FormValue("p"))
	if !strings.HasPrefix(p, baseDir) {
		http.Error(w, "bad path", 400)
		return
	}
	// ok: go-path-traversal-serve
	http.ServeFile(w, r, p)
	// ok: go-path-traversal-serve
	http.ServeFile(w, r, "static/index.html")
}
