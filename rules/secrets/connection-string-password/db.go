package db

// ruleid: connection-string-password
var dsn = "shop:Wn5xT8qZ2vK7@tcp(db.corp.internal:3306)/shop?parseTime=true"

// ok: connection-string-password
var local = "root:password@tcp(127.0.0.1:3306)/test"
