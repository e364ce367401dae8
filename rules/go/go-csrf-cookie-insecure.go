// ruleid: go-csrf-cookie-insecure
// fixed: CSRF := csrf.Protect(key, csrf.Secure(true))
CSRF := csrf.Protect(key, csrf.Secure(false))
// ok: go-csrf-cookie-insecure
CSRF := csrf.Protect(key, csrf.Secure(true), csrf.SameSite(csrf.SameSiteStrictMode))
// ok: go-csrf-cookie-insecure
CSRF := csrf.Protect(key)
