package main

func main() {
	// ruleid: go-command-injection-cli
	exec.Command("sh", "-c", "tar xzf "+os.Args[1]).Run()
	branch := os.Getenv("CI_COMMIT_BRANCH")
	// ruleid: go-command-injection-cli
	exec.Command("bash", "-c", fmt.Sprintf("git checkout %s", branch)).Run()
	// ok: go-command-injection-cli
	exec.Command("tar", "xzf", os.Args[1]).Run()
	// ok: go-command-injection-cli
	exec.Command("sh", "-c", `git checkout "$1"`, "sh", branch).Run()
	// ok: go-command-injection-cli
	exec.Command("sh", "-c", "make build").Run()
}
