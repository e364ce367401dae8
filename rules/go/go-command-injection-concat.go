// ruleid: go-command-injection-concat
out, err := exec.Command("sh", "-c", "ping -c1 "+host).Output()
// ruleid: go-command-injection-concat
cmd := exec.Command("bash", "-c", fmt.Sprintf("tar xf %s", name))
// ok: go-command-injection-concat
out, err := exec.Command("ping", "-c1", host).Output()
// ok: go-command-injection-concat
cmd := exec.Command("sh", "-c", "make build")
