package main

import (
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

// ruleid: go-debug-mode
// fixed: var _ = func() int { gin.SetMode(gin.ReleaseMode); return 0 }()
var _ = func() int { gin.SetMode(gin.DebugMode); return 0 }()

func main() {
	// ruleid: go-debug-mode
	gin.SetMode(gin.DebugMode)
	e := echo.New()
	// ruleid: go-debug-mode
	e.Debug = true
	// ok: go-debug-mode
	gin.SetMode(gin.ReleaseMode)
	// ok: go-debug-mode
	e.Debug = os.Getenv("APP_ENV") == "dev"
	// ok: go-debug-mode
	cfg.Debug = false
}
