// ruleid: go-debug-mode
gin.SetMode(gin.DebugMode)
// ruleid: go-debug-mode
	_ "net/http/pprof"
// ok: go-debug-mode
gin.SetMode(gin.ReleaseMode)
// ruleid: go-debug-mode
// fixed: var _ = func() int { gin.SetMode(gin.ReleaseMode); return 0 }()
var _ = func() int { gin.SetMode(gin.DebugMode); return 0 }()
