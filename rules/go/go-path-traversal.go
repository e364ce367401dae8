// ruleid: go-path-traversal
http.ServeFile(w, r, filepath.Join("uploads", r.URL.Query().Get("name")))
// ruleid: go-path-traversal
data, err := os.ReadFile("/srv/files/" + c.Param("name"))
// ok: go-path-traversal
data, err := os.ReadFile(filepath.Join(baseDir, "config.yaml"))
