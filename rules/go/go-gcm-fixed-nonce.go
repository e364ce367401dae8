package crypt

func sealFixed(aead cipher.AEAD, pt []byte) []byte {
	// ruleid: go-gcm-fixed-nonce
	return aead.Seal(nil, []byte("unique-nonce"), pt, nil)
}

func sealZero(gcm cipher.AEAD, pt []byte) []byte {
	nonce := make([]byte, gcm.NonceSize())
	// ruleid: go-gcm-fixed-nonce
	return gcm.Seal(nil, nonce, pt, nil)
}

func sealRandom(gcm cipher.AEAD, pt []byte) ([]byte, error) {
	nonce := make([]byte, gcm.NonceSize())
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}
	// ok: go-gcm-fixed-nonce
	return gcm.Seal(nonce, nonce, pt, nil), nil
}

func sealCounter(gcm cipher.AEAD, seq uint64, pt []byte) []byte {
	nonce := make([]byte, gcm.NonceSize())
	binary.BigEndian.PutUint64(nonce[4:], seq)
	// ok: go-gcm-fixed-nonce
	return gcm.Seal(nil, nonce, pt, nil)
}

func sealBox(msg []byte, nonce *[24]byte, key *[32]byte) []byte {
	// ok: go-gcm-fixed-nonce
	return secretbox.Seal(nil, msg, nonce, key)
}
