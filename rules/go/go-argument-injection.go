package app

func mirror(w http.ResponseWriter, r *http.Request) {
	repo := r.FormValue("repo")
	dest := "/srv/mirror/" + uuid.NewString()
	// ruleid: go-argument-injection
	exec.Command("git", "clone", repo, dest).Run()
}

func fetch(c echo.Context) error {
	target := c.QueryParam("url")
	// ruleid: go-argument-injection
	return exec.CommandContext(ctx, "curl", "-s", target).Run()
}

func safe(w http.ResponseWriter, r *http.Request) {
	repo := r.FormValue("repo")
	// ok: go-argument-injection
	exec.Command("git", "clone", "--", repo, "/srv/mirror").Run()
	// ok: go-argument-injection
	exec.Command("git", "fetch", "origin").Run()
	// ok: go-argument-injection
	exec.Command("echo", repo).Run()
}
