package app

import (
	"archive/tar"
	"archive/zip"
)

func unzip(zr *zip.Reader, dest string) error {
	for _, f := range zr.File {
		target := filepath.Join(dest, f.Name)
		if f.FileInfo().IsDir() {
			// ruleid: go-zip-slip
			os.MkdirAll(target, 0o755)
			continue
		}
		// ruleid: go-zip-slip
		out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY, f.Mode())
		_, _ = out, err
	}
	return nil
}

func untar(tr *tar.Reader, dest string) error {
	for {
		hdr, err := tr.Next()
		if err != nil {
			return err
		}
		// ruleid: go-zip-slip
		out, _ := os.Create(dest + "/" + hdr.Name)
		_ = out
	}
}

func safeUnzip(zr *zip.Reader, dest string) error {
	for _, f := range zr.File {
		name := f.Name
		if !filepath.IsLocal(name) {
			return errors.New("bad entry")
		}
		target := filepath.Join(dest, name)
		// ok: go-zip-slip
		out, err := os.Create(target)
		_, _ = out, err
	}
	return nil
}

func safeUntar(tr *tar.Reader, dest string) error {
	for {
		hdr, err := tr.Next()
		if err != nil {
			return err
		}
		target := filepath.Join(dest, hdr.Name)
		if !strings.HasPrefix(target, filepath.Clean(dest)+string(os.PathSeparator)) {
			return fmt.Errorf("illegal path %s", hdr.Name)
		}
		// ok: go-zip-slip
		out, _ := os.Create(target)
		// ok: go-zip-slip
		os.MkdirAll(dest, 0o755)
		_ = out
	}
}
