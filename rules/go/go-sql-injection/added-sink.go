// fixture-added-lines: 10
package app

func report(w http.ResponseWriter, r *http.Request) {
	sort := r.URL.Query().Get("sort")
	query := "SELECT * FROM reports ORDER BY " + sort
	log.Println("running report")
	rows, err := db.Query("SELECT 1")
	// ruleid: go-sql-injection
	rows, err = db.Query(query)
	_, _ = rows, err
}
