package crypt

var fixedIV = []byte("0123456789abcdef")

func encryptFixed(block cipher.Block, dst, src []byte) {
	// ruleid: go-static-iv
	mode := cipher.NewCBCEncrypter(block, fixedIV)
	mode.CryptBlocks(dst, src)
}

func encryptZero(block cipher.Block, dst, src []byte) {
	// ruleid: go-static-iv
	cipher.NewCBCEncrypter(block, make([]byte, aes.BlockSize)).CryptBlocks(dst, src)
	iv := make([]byte, aes.BlockSize)
	// ruleid: go-static-iv
	stream := cipher.NewCTR(block, iv)
	// ruleid: go-static-iv
	s2 := cipher.NewCFBEncrypter(block, key[:aes.BlockSize])
	_, _ = stream, s2
}

func encryptRandom(block cipher.Block, dst, src []byte) {
	iv := make([]byte, aes.BlockSize)
	if _, err := io.ReadFull(rand.Reader, iv); err != nil {
		panic(err)
	}
	// ok: go-static-iv
	mode := cipher.NewCBCEncrypter(block, iv)
	mode.CryptBlocks(dst, src)
}

func encryptWithPrefix(block cipher.Block, ciphertext, src []byte) {
	iv := ciphertext[:aes.BlockSize]
	rand.Read(iv)
	// ok: go-static-iv
	stream := cipher.NewCFBEncrypter(block, iv)
	// ok: go-static-iv
	dec := cipher.NewCBCDecrypter(block, make([]byte, 16))
	_, _ = stream, dec
}

func encryptHeaderIV(block cipher.Block, dst, src []byte, hdr string) {
	ivBytes := []byte(hdr)
	label := []byte("v1")
	// ok: go-static-iv
	mode := cipher.NewCBCEncrypter(block, ivBytes)
	mode.CryptBlocks(dst, append(label, src...))
}
