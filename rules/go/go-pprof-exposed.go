package main

import (
	"net/http"
	// ruleid: go-pprof-exposed
	_ "net/http/pprof"
	// ok: go-pprof-exposed
	"runtime/pprof"
)

func main() {
	r := gin.Default()
	// ruleid: go-pprof-exposed
	pprof.Register(r)
	http.ListenAndServe(":8080", r)
}
