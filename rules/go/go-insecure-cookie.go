// ruleid: go-insecure-cookie
http.SetCookie(w, &http.Cookie{Name: "session", Value: sid, HttpOnly: false})
// ruleid: go-insecure-cookie
	Secure:   false,
// ok: go-insecure-cookie
http.SetCookie(w, &http.Cookie{Name: "session", Value: sid, HttpOnly: true, Secure: true})
