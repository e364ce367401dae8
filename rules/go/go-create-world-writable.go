// ruleid: go-create-world-writable
err := os.WriteFile(path, data, 0666)
// ruleid: go-create-world-writable
os.MkdirAll(cacheDir, 0o777)
// ruleid: go-create-world-writable
f, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY, 0666)
// ok: go-create-world-writable
err := os.WriteFile(path, data, 0o600)
// ok: go-create-world-writable
os.MkdirAll(cacheDir, 0o755)
// ok: go-create-world-writable
f, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY, 0644)
