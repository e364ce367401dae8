package app

func preview(w http.ResponseWriter, r *http.Request) {
	body := r.FormValue("template")
	text := "<div>" + body + "</div>"
	// ruleid: go-template-injection
	t, err := template.New("page").Parse(text)
	_, _ = t, err
}

func safe(w http.ResponseWriter, r *http.Request) {
	// ok: go-template-injection
	t := template.Must(template.New("page").Parse("<div>{{.Name}}</div>"))
	t.Execute(w, map[string]string{"Name": r.FormValue("name")})
	// ok: go-template-injection
	u, _ := url.Parse(r.FormValue("u"))
	_ = u
}

func pongo(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-template-injection
	tpl, err := pongo2.FromString("Hello " + r.FormValue("greeting"))
	// ok: go-template-injection
	tpl2, err := pongo2.FromString("Hello {{ name }}")
	_, _, _ = tpl, tpl2, err
}
