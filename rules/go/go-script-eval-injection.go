package app

import (
	lua "github.com/yuin/gopher-lua"
	"github.com/traefik/yaegi/interp"
)

func run(w http.ResponseWriter, r *http.Request) {
	L := lua.NewState()
	defer L.Close()
	// ruleid: go-script-eval-injection
	err := L.DoString(r.FormValue("script"))
	i := interp.New(interp.Options{})
	// ruleid: go-script-eval-injection
	_, err = i.Eval("fmt.Println(" + r.FormValue("v") + ")")
	_ = err
}

func safe(w http.ResponseWriter, r *http.Request) {
	L := lua.NewState()
	L.SetGlobal("input", lua.LString(r.FormValue("script")))
	// ok: go-script-eval-injection
	err := L.DoString(`print(#input)`)
	// ok: go-script-eval-injection
	err = L.DoFile("scripts/report.lua")
	_ = err
}
