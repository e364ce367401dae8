package app

func setup(r *gin.Engine) {
	r.Use(cors.New(cors.Config{
		// ruleid: go-cors-origin-func-allow-all
		AllowOriginFunc:  func(origin string) bool { return true },
		AllowCredentials: true,
	}))
	r.Use(cors.New(cors.Config{
		// ok: go-cors-origin-func-allow-all
		AllowOriginFunc:  func(origin string) bool { return slices.Contains(allowed, origin) },
		AllowCredentials: true,
	}))
}

func public(r *gin.Engine) {
	r.Use(cors.New(cors.Config{
		// ok: go-cors-origin-func-allow-all
		AllowOriginFunc: func(origin string) bool { return true },
		AllowMethods:    []string{"GET"},
	}))
}
