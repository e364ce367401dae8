cfg := &tls.Config{
	// ruleid: go-tls-old-version
	// fixed: MinVersion: tls.VersionTLS12,
	MinVersion: tls.VersionTLS10,
}
// ruleid: go-tls-old-version
cfg.MaxVersion = tls.VersionTLS11
cfg := &tls.Config{
	// ok: go-tls-old-version
	MinVersion: tls.VersionTLS12,
}
// ok: go-tls-old-version
cfg.MaxVersion = tls.VersionTLS13
