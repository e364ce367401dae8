package app

func find(c *gin.Context) {
	var req struct{ Name string }
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	var users []User
	// ruleid: go-sqlx-sql-injection
	err := s.db.Select(&users, "SELECT * FROM users WHERE name = '"+req.Name+"'")
	sort := c.Query("sort")
	// ruleid: go-sqlx-sql-injection
	db.MustExec(fmt.Sprintf("UPDATE users SET seen = now() ORDER BY %s", sort))
	_ = err
}

func safe(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	var u User
	// ok: go-sqlx-sql-injection
	err := db.Get(&u, "SELECT * FROM users WHERE name = ?", name)
	// ok: go-sqlx-sql-injection
	_, err = db.NamedExec("UPDATE users SET name = :name", map[string]any{"name": name})
	// ok: go-sqlx-sql-injection
	v, _ := cache.Get(ctx, name)
	_, _ = err, v
}
