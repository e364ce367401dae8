package app

import "github.com/gorilla/csrf"

func webhook(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-csrf-check-skipped
	r = csrf.UnsafeSkipCheck(r)
	next.ServeHTTP(w, r)
}

func setup(e *echo.Echo) {
	e.Use(middleware.CSRFWithConfig(middleware.CSRFConfig{
		// ruleid: go-csrf-check-skipped
		Skipper: func(c echo.Context) bool { return true },
	}))
	e.Use(middleware.CSRFWithConfig(middleware.CSRFConfig{
		// ok: go-csrf-check-skipped
		Skipper: func(c echo.Context) bool { return strings.HasPrefix(c.Path(), "/api/webhooks/") },
	}))
	// ok: go-csrf-check-skipped
	token := csrf.Token(r)
}
