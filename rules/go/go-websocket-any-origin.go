package app

var upgrader = websocket.Upgrader{
	ReadBufferSize: 1024,
	// ruleid: go-websocket-any-origin
	CheckOrigin: func(r *http.Request) bool { return true },
}

func init() {
	// ruleid: go-websocket-any-origin
	upgrader.CheckOrigin = func(r *http.Request) bool {
		return true
	}
}

var strict = websocket.Upgrader{
	// ok: go-websocket-any-origin
	CheckOrigin: func(r *http.Request) bool { return r.Header.Get("Origin") == "https://app.example.com" },
}

func accept(w http.ResponseWriter, r *http.Request) {
	// ok: go-websocket-any-origin
	c, err := websocket.Accept(w, r, &websocket.AcceptOptions{OriginPatterns: []string{"app.example.com"}})
	// ruleid: go-websocket-any-origin
	c2, err := websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: true})
	_, _, _ = c, c2, err
}
