package gen

import (
	"os"
	"text/template"
)

// ok: go-text-template-html
var conf = template.Must(template.ParseFiles("templates/nginx.conf.tmpl"))

func write(f *os.File) error {
	// ok: go-text-template-html
	return conf.Execute(f, settings)
}
