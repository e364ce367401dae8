package app

import "golang.org/x/crypto/ssh"

func restart(w http.ResponseWriter, r *http.Request) {
	svc := r.FormValue("service")
	session, _ := client.NewSession()
	defer session.Close()
	// ruleid: go-ssh-session-command-injection
	out, err := session.CombinedOutput("systemctl restart " + svc)
	_, _ = out, err
}

func safe(w http.ResponseWriter, r *http.Request) {
	svc := r.FormValue("service")
	session, _ := client.NewSession()
	// ok: go-ssh-session-command-injection
	out, err := session.CombinedOutput("systemctl restart " + shellescape.Quote(svc))
	// ok: go-ssh-session-command-injection
	err = session.Run("uptime")
	_, _ = out, err
}
