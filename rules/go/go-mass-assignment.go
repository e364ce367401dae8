package app

func updateUser(c *gin.Context) {
	var user models.User
	if err := c.ShouldBindJSON(&user); err != nil {
		return
	}
	// ruleid: go-mass-assignment
	db.Save(&user)
}

func patchUser(c *gin.Context) {
	var fields map[string]interface{}
	c.ShouldBindJSON(&fields)
	// ruleid: go-mass-assignment
	db.Model(&models.User{}).Where("id = ?", c.Param("id")).Updates(fields)
}

func createBook(c *gin.Context) {
	var input CreateBookInput
	if err := c.ShouldBindJSON(&input); err != nil {
		return
	}
	book := models.Book{Title: input.Title, Author: input.Author}
	// ok: go-mass-assignment
	db.Create(&book)
}

func patchSelected(c *gin.Context) {
	var input models.User
	c.ShouldBindJSON(&input)
	// ok: go-mass-assignment
	db.Model(&current).Select("name", "email").Updates(input)
}
