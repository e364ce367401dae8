package app

func login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// ruleid: go-open-redirect
	http.Redirect(w, r, next, http.StatusFound)
}

func goTo(c *gin.Context) {
	to := c.Query("to")
	// ruleid: go-open-redirect
	c.Redirect(http.StatusFound, to)
}

func safe(w http.ResponseWriter, r *http.Request) {
	next := url.QueryEscape(r.URL.Query().Get("next"))
	// ok: go-open-redirect
	http.Redirect(w, r, "/login?next="+next, http.StatusFound)
	// ok: go-open-redirect
	http.Redirect(w, r, "/home", http.StatusFound)
}
