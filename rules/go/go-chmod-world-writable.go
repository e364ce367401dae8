// ruleid: go-chmod-world-writable
err := os.Chmod(socketPath, 0777)
// ruleid: go-chmod-world-writable
os.Chmod(cfgFile, 0o666)
// ruleid: go-chmod-world-writable
os.Chmod(dir, os.ModePerm)
// ok: go-chmod-world-writable
os.Chmod(keyFile, 0600)
// ok: go-chmod-world-writable
os.Chmod(binPath, 0o755)
// ok: go-chmod-world-writable
os.Chmod(spool, 0o1777)
