package app

func upload(w http.ResponseWriter, r *http.Request) {
	zr, err := gzip.NewReader(r.Body)
	if err != nil {
		return
	}
	// ruleid: go-decompression-bomb
	data, err := io.ReadAll(zr)
	_ = data
}

func extract(src io.Reader, dst io.Writer) error {
	fr := flate.NewReader(src)
	// ruleid: go-decompression-bomb
	_, err := io.Copy(dst, fr)
	return err
}

func uploadLimited(w http.ResponseWriter, r *http.Request) {
	zr, err := gzip.NewReader(r.Body)
	if err != nil {
		return
	}
	// ok: go-decompression-bomb
	data, err := io.ReadAll(io.LimitReader(zr, 10<<20))
	_ = data
}

func plain(w http.ResponseWriter, r *http.Request) {
	// ok: go-decompression-bomb
	data, err := io.ReadAll(r.Body)
	_, _ = data, err
}
