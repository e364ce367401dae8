// ruleid: go-fileserver-working-dir
http.Handle("/", http.FileServer(http.Dir(".")))
// ruleid: go-fileserver-working-dir
r.Static("/assets", "./")
// ok: go-fileserver-working-dir
http.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("./public"))))
// ok: go-fileserver-working-dir
r.Static("/assets", "./web/dist")
