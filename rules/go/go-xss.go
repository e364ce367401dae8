// ruleid: go-xss
data["Bio"] = template.HTML(user.Bio)
// ruleid: go-xss
fmt.Fprintf(w, "<h1>Hello %s</h1>", r.URL.Query().Get("name"))
// ok: go-xss
data["Footer"] = template.HTML("<b>ACME</b>")
// ok: go-xss
fmt.Fprintf(w, "ok")
