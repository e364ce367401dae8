	AllowCredentials: true,
// ruleid: go-cors-credentials-any-origin
	AllowOrigins:     []string{"*"},
// ruleid: go-cors-credentials-any-origin
	AllowedOrigins:   []string{"*"},
// ruleid: go-cors-credentials-any-origin
w.Header().Set("Access-Control-Allow-Origin", r.Header.Get("Origin"))
// ok: go-cors-credentials-any-origin
	AllowOrigins:     []string{"https://app.example.com"},
// ok: go-cors-credentials-any-origin
	AllowedOrigins:   []string{"https://*.example.com"},
