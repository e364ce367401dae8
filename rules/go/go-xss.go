package app

func hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go-xss
	fmt.Fprintf(w, "<h1>Hello %s</h1>", name)
	bio := r.FormValue("bio")
	// ruleid: go-xss
	c.Data(200, "text/html; charset=utf-8", []byte(bio))
	// ruleid: go-xss
	w.Write([]byte("<p>" + bio + "</p>"))
}

func safe(w http.ResponseWriter, r *http.Request) {
	name := html.EscapeString(r.URL.Query().Get("name"))
	// ok: go-xss
	fmt.Fprintf(w, "<h1>Hello %s</h1>", name)
	data := map[string]any{}
	// ok: go-xss
	c.Data(200, "application/json", []byte(name))
	// ok: go-xss
	fmt.Fprintf(w, "ok")
	_ = data
}

func echoPlain(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	body, _ := io.ReadAll(r.Body)
	// ok: go-xss
	w.Write(body)
}

func policyInfo(w http.ResponseWriter, r *http.Request) {
	doc := lookup(r.Form.Get("name"))
	buf, _ := json.MarshalIndent(doc, "", " ")
	// ok: go-xss
	w.Write(buf)
	// ok: go-xss
	w.Write(encodeResponseJSON(doc))
	// ruleid: go-xss
	w.Write(renderJSONP(r.Form.Get("callback"), doc))
}

func raw(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", fmt.Sprintf("%s; charset=utf-8", contentType))
	// ok: go-xss
	fmt.Fprintf(w, "# %s\n\n", r.FormValue("title"))
}
