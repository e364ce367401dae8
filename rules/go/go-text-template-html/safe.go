package web

import (
	"html/template"
	"net/http"
)

// ok: go-text-template-html
var page = template.Must(template.ParseFiles("templates/profile.html"))

func profile(w http.ResponseWriter, r *http.Request) {
	// ok: go-text-template-html
	page.Execute(w, nil)
}
