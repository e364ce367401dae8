package app

func export(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go-header-injection
	w.Header().Set("Content-Disposition", "attachment; filename=\""+name+"\"")
	// ruleid: go-header-injection
	w.Header().Set("Content-Type", r.FormValue("type"))
}

func safe(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ok: go-header-injection
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	// ok: go-header-injection
	w.Header().Set("X-Request-Id", r.Header.Get("X-Request-Id"))
	// ok: go-header-injection
	w.Header().Set("Content-Type", "text/csv")
}

func serveBlob(w http.ResponseWriter, r *http.Request) {
	data, _ := store.Read(r.URL.Query().Get("id"))
	// ok: go-header-injection
	w.Header().Set("Content-Type", http.DetectContentType(data))
	// ok: go-header-injection
	w.Header().Set("Content-Type", mime.TypeByExtension(filepath.Ext(r.URL.Path)))
}
