package app

func ping(w http.ResponseWriter, r *http.Request) {
	host := r.FormValue("host")
	line := "ping -c1 " + host
	// ruleid: go-command-injection
	out, err := exec.Command("sh", "-c", line).Output()
	_, _ = out, err
}

func untar(c *gin.Context) {
	name := c.PostForm("archive")
	// ruleid: go-command-injection
	cmd := exec.Command("bash", "-c", fmt.Sprintf("tar xf %s", name))
	tool := c.Query("tool")
	// ruleid: go-command-injection
	exec.Command(tool, "--version").Run()
	_ = cmd
}

func bind(c *gin.Context) {
	var req struct{ Host string }
	c.ShouldBindJSON(&req)
	// ruleid: go-command-injection
	exec.Command("sh", "-c", "ping -c1 "+req.Host).Run()
}

func safe(w http.ResponseWriter, r *http.Request) {
	host := r.FormValue("host")
	// ok: go-command-injection
	out, err := exec.Command("ping", "-c1", host).Output()
	// ok: go-command-injection
	cmd := exec.Command("sh", "-c", "make build")
	_, _, _ = out, err, cmd
}
