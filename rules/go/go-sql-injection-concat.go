// ruleid: go-sql-injection-concat
rows, err := db.Query(fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name))
// ruleid: go-sql-injection-concat
db.Exec("DELETE FROM items WHERE id = " + id)
// ok: go-sql-injection-concat
rows, err := db.Query("SELECT * FROM users WHERE name = $1", name)
