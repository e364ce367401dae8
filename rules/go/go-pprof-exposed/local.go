package main

import (
	"net/http"
	// ok: go-pprof-exposed
	_ "net/http/pprof"
)

func main() {
	go func() { log.Println(http.ListenAndServe("localhost:6060", nil)) }()
	serve(publicMux)
}
