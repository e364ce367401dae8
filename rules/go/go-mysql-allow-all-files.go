cfg := mysql.Config{
	User: "app",
	// ruleid: go-mysql-allow-all-files
	AllowAllFiles: true,
}
// ruleid: go-mysql-allow-all-files
db, err := sql.Open("mysql", "app@tcp(db:3306)/app?allowAllFiles=true")
cfg := mysql.Config{
	// ok: go-mysql-allow-all-files
	AllowAllFiles: false,
}
// ok: go-mysql-allow-all-files
db, err := sql.Open("mysql", "app@tcp(db:3306)/app?parseTime=true")
