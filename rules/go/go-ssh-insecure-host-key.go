config := &ssh.ClientConfig{
	User: "deploy",
	// ruleid: go-ssh-insecure-host-key
	HostKeyCallback: ssh.InsecureIgnoreHostKey(),
}
config := &ssh.ClientConfig{
	// ruleid: go-ssh-insecure-host-key
	HostKeyCallback: func(hostname string, remote net.Addr, key ssh.PublicKey) error { return nil },
}
config := &ssh.ClientConfig{
	// ok: go-ssh-insecure-host-key
	HostKeyCallback: ssh.FixedHostKey(hostKey),
}
// ok: go-ssh-insecure-host-key
cb, err := knownhosts.New(filepath.Join(home, ".ssh", "known_hosts"))
