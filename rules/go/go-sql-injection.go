package app

import (
	"database/sql"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
)

func users(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name := r.URL.Query().Get("name")
		where := fmt.Sprintf("name = '%s'", name)
		query := "SELECT * FROM users WHERE " + where
		// ruleid: go-sql-injection
		rows, err := db.Query(query)
		_, _ = rows, err
	}
}

func deleteItem(c *gin.Context) {
	id := c.Param("id")
	// ruleid: go-sql-injection
	db.ExecContext(c, "DELETE FROM items WHERE id = "+id)
}

func safe(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	// ok: go-sql-injection
	rows, err := db.Query("SELECT * FROM users WHERE name = $1", name)
	n, _ := strconv.Atoi(r.FormValue("limit"))
	// ok: go-sql-injection
	db.Query(fmt.Sprintf("SELECT * FROM users LIMIT %d", n))
	table := "audit"
	// ok: go-sql-injection
	db.Exec("DELETE FROM " + table)
	_, _ = rows, err
}
