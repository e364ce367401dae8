// ruleid: go-sql-injection-concat
rows, err := db.Query(fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name))
// ruleid: go-sql-injection-concat
db.Exec("DELETE FROM items WHERE id = " + id)
// ok: go-sql-injection-concat
rows, err := db.Query("SELECT * FROM users WHERE name = $1", name)
// ruleid: go-sql-injection-concat
db.Where("name = '" + name + "'").Find(&users)
// ok: go-sql-injection-concat
_, _, err := process.Exec("NewRepoContext(set "+key+")", "git", "config", "--global", key, value)
// ok: go-sql-injection-concat
db.Exec(fmt.Sprintf("DROP DATABASE %q", dbName))
// ok: go-sql-injection-concat
db.Where("name = ?", name).Find(&users)
// ruleid: go-sql-injection-concat
q := fmt.Sprintf(`SELECT p.user_id, p.full_name
	FROM profile p WHERE p.user_id = %s`, uid)
// ok: go-sql-injection-concat
q := fmt.Sprintf("SELECT * FROM users LIMIT %d OFFSET %d", limit, offset)
// ok: go-sql-injection-concat
rows, err := db.Query("SELECT " + postCols + " FROM posts WHERE id = ? LIMIT 1", id)
// ok: go-sql-injection-concat
_, err = db.Exec("INSERT INTO tokens (token, created) VALUES (?, "+db.now()+")", t)
// ok: go-sql-injection-concat
q := fmt.Sprintf("SELECT id, deleted_at FROM %s WHERE deleted_at IS NOT NULL", table)
// ruleid: go-sql-injection-concat
rows, err := db.Query("SELECT * FROM users WHERE email LIKE '%" + term + "%'")
// ok: go-sql-injection-concat
err := db.QueryRow("SELECT token FROM accesstokens WHERE user_id = ? AND expires > "+db.now()+" LIMIT 1", userID).Scan(&tok)
// ruleid: go-sql-injection-concat
err := db.QueryRow("SELECT token FROM accesstokens WHERE user_id = " + req.UserID).Scan(&tok)
