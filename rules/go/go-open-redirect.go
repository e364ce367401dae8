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

func fiberGo(c *fiber.Ctx) error {
	// ruleid: go-open-redirect
	return c.Redirect(c.Query("return_to"), fiber.StatusSeeOther)
}

func header(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-open-redirect
	w.Header().Set("Location", r.FormValue("back"))
	w.WriteHeader(http.StatusFound)
}

func guarded(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		http.Error(w, "bad redirect", http.StatusBadRequest)
		return
	}
	// ok: go-open-redirect
	http.Redirect(w, r, next, http.StatusFound)
	// ok: go-open-redirect
	w.Header().Set("Location", "/dashboard")
}

func sameSite(c *context.Context) {
	redirectTo := c.Query("redirect_to")
	if !urlx.IsSameSite(redirectTo) {
		redirectTo = "/"
	}
	// ok: go-open-redirect
	c.Redirect(redirectTo)
	// ok: go-open-redirect
	c.Redirect("/user/" + c.Query("name"))
	// ruleid: go-open-redirect
	c.Redirect("/" + c.Query("name"))
}

func based(c *context.Context) {
	// ok: go-open-redirect
	c.Redirect(conf.Server.Subpath + "/admin/users/" + c.Params(":userid"))
	// ok: go-open-redirect
	c.Redirect(fmt.Sprintf("%s/settings/branches/%s", c.Repo.RepoLink, c.Query("branch")))
	// ruleid: go-open-redirect
	c.Redirect(conf.Server.Subpath + c.Req.URL.Path)
}
