package web

import (
	"net/http"
	"text/template"
)

// ruleid: go-text-template-html
var page = template.Must(template.ParseFiles("templates/profile.html"))

func profile(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-text-template-html
	page.Execute(w, map[string]string{"Name": r.FormValue("name")})
	// ok: go-text-template-html
	page.Execute(&buf, nil)
}
