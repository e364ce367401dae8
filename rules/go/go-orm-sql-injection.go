package app

func search(c *gin.Context) {
	name := c.Query("name")
	var users []User
	// ruleid: go-orm-sql-injection
	db.Where(fmt.Sprintf("name = '%s'", name)).Find(&users)
	order := c.DefaultQuery("order", "id")
	// ruleid: go-orm-sql-injection
	db.Order(order).Find(&users)
	// ruleid: go-orm-sql-injection
	db.Raw("SELECT * FROM users WHERE name = '" + name + "'").Scan(&users)
}

func safe(c *gin.Context) {
	name := c.Query("name")
	var users []User
	// ok: go-orm-sql-injection
	db.Where("name = ?", name).Find(&users)
	// ok: go-orm-sql-injection
	db.Where(&User{Name: name}).First(&users)
	// ok: go-orm-sql-injection
	db.Where(map[string]interface{}{"name": name}).Find(&users)
	cols := map[string]string{"name": "name", "age": "age"}
	col, ok := cols[c.Query("order")]
	if !ok {
		col = "id"
	}
	// ok: go-orm-sql-injection
	db.Order("created_at desc").Find(&users)
	_ = col
}
