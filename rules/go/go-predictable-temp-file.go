// ruleid: go-predictable-temp-file
f, err := os.Create("/tmp/report.csv")
// ruleid: go-predictable-temp-file
err = os.WriteFile(filepath.Join(os.TempDir(), "session.json"), data, 0o600)
// ok: go-predictable-temp-file
f, err := os.CreateTemp("", "report-*.csv")
// ok: go-predictable-temp-file
dir, err := os.MkdirTemp("", "build")
// ok: go-predictable-temp-file
f, err := os.Create(filepath.Join(dir, "report.csv"))
