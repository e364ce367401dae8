package gen

import (
	"io"
	"text/template"
)

func render(w io.Writer, data any) error {
	// ok: go-text-template-html
	return tmpl.Execute(w, data)
}
