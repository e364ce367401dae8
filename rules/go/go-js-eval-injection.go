package app

import "github.com/dop251/goja"

func calc(w http.ResponseWriter, r *http.Request) {
	vm := goja.New()
	// ruleid: go-js-eval-injection
	v, err := vm.RunString(r.FormValue("formula"))
	_, _ = v, err
}

func safe(w http.ResponseWriter, r *http.Request) {
	vm := goja.New()
	vm.Set("input", r.FormValue("formula"))
	// ok: go-js-eval-injection
	v, err := vm.RunString(`input.length`)
	// ok: go-js-eval-injection
	v, err = vm.RunString(bundledScript)
	_, _ = v, err
}
