package app

func profile(w http.ResponseWriter, r *http.Request) {
	bio := r.FormValue("bio")
	data := map[string]any{}
	// ruleid: go-xss-template-escape-bypass
	data["Bio"] = template.HTML(bio)
	// ruleid: go-xss-template-escape-bypass
	data["Site"] = template.URL(r.URL.Query().Get("site"))
	tmpl.Execute(w, data)
}

func safe(w http.ResponseWriter, r *http.Request) {
	bio := r.FormValue("bio")
	data := map[string]any{}
	// ok: go-xss-template-escape-bypass
	data["Bio"] = template.HTML(bluemonday.UGCPolicy().Sanitize(bio))
	// ok: go-xss-template-escape-bypass
	data["Footer"] = template.HTML("<b>ACME</b>")
	// ok: go-xss-template-escape-bypass
	data["Plain"] = bio
	tmpl.Execute(w, data)
}
