// fixture-added-lines: 6
package app

func report(w http.ResponseWriter, r *http.Request) {
	sort := r.URL.Query().Get("sort")
	log.Println("running report")
	query := "SELECT * FROM reports ORDER BY " + sort
	// ok: go-sql-injection
	rows, err := db.Query(query)
	_, _ = rows, err
}
