package app

func login(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	// ruleid: go-log-injection
	log.Printf("login failed for %s", user)
	// ruleid: go-log-injection
	log.Println("password reset requested by " + r.FormValue("email"))
}

func safe(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	// ok: go-log-injection
	log.Printf("login failed for %q", user)
	// ok: go-log-injection
	log.Println("login failed for " + strconv.Quote(user))
	// ok: go-log-injection
	slog.Info("login failed", "user", user)
	// ok: go-log-injection
	log.Printf("login failed (%d attempts)", attempts)
}

func handlerErr(c *gin.Context) {
	res, err := client.SayHello(c, &pb.HelloRequest{Name: c.Param("name")})
	// ok: go-log-injection
	log.Printf("say hello: %v", err)
	_ = res
}
