package app

func search(c *gin.Context) {
	q := c.Query("q")
	// ruleid: go-regex-injection
	re, err := regexp.Compile("(?i)" + q)
	// ruleid: go-regex-injection
	re2 := regexp2.MustCompile(c.Query("pattern"), regexp2.None)
	_, _, _ = re, err, re2
}

func safe(c *gin.Context) {
	q := c.Query("q")
	// ok: go-regex-injection
	re, err := regexp.Compile("(?i)" + regexp.QuoteMeta(q))
	// ok: go-regex-injection
	valid := regexp.MustCompile(`^[a-z0-9-]+$`)
	ok := valid.MatchString(q)
	_, _, _ = re, err, ok
}
