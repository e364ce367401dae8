// ruleid: go-create-world-writable
err := os.WriteFile(scriptPath, data, 0777)
// ruleid: go-create-world-writable
f, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY, os.ModePerm)
// ruleid: go-create-world-writable
syscall.Umask(0)
// ok: go-create-world-writable
err := os.WriteFile(path, data, 0666)
// ok: go-create-world-writable
os.MkdirAll(cacheDir, os.ModePerm)
// ok: go-create-world-writable
f, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY, 0644)
