package web

var funcs = template.FuncMap{
	// ruleid: go-template-safe-helper
	"safe": func(s string) template.HTML { return template.HTML(s) },
	"safeURL": func(u string) template.URL {
		// ruleid: go-template-safe-helper
		return template.URL(u)
	},
	// ok: go-template-safe-helper
	"clean": func(s string) template.HTML { return template.HTML(policy.Sanitize(s)) },
	// ok: go-template-safe-helper
	"logo": func() template.HTML { return template.HTML(logoSVG) },
	// ok: go-template-safe-helper
	"upper": strings.ToUpper,
}
