package app

func lookup(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	// ruleid: go-xpath-injection
	node := xmlquery.FindOne(doc, "//user[name='"+user+"']")
	expr := fmt.Sprintf("//item[@sku='%s']", r.URL.Query().Get("sku"))
	// ruleid: go-xpath-injection
	nodes := htmlquery.Find(page, expr)
	_, _ = node, nodes
}

func safe(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	// ok: go-xpath-injection
	for _, n := range xmlquery.Find(doc, "//user") {
		if n.SelectElement("name").InnerText() == user {
			_ = n
		}
	}
	id, _ := strconv.Atoi(r.FormValue("id"))
	// ok: go-xpath-injection
	node := xmlquery.FindOne(doc, fmt.Sprintf("//user[@id=%d]", id))
	_ = node
}
