package app

func login(c *gin.Context) {
	// ruleid: go-gin-cookie-insecure
	c.SetCookie("session", token, 3600, "/", "", false, true)
	// ruleid: go-gin-cookie-insecure
	c.SetCookie("session", token, 3600, "/", "example.com", true, false)
	// ok: go-gin-cookie-insecure
	c.SetCookie("session", token, 3600, "/", "example.com", true, true)
	// ok: go-gin-cookie-insecure
	c.SetCookie("session", token, 3600, "/", "", cfg.SecureCookies, true)
}
