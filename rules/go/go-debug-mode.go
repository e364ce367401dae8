// ruleid: go-debug-mode
gin.SetMode(gin.DebugMode)
// ruleid: go-debug-mode
	_ "net/http/pprof"
// ok: go-debug-mode
gin.SetMode(gin.ReleaseMode)
