package auth

func parse(raw string) (*jwt.Token, error) {
	// ruleid: go-jwt-missing-algorithm-check
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		return publicKey, nil
	})
}

func parseClaims(raw string, c *Claims) (*jwt.Token, error) {
	// ruleid: go-jwt-missing-algorithm-check
	return jwt.ParseWithClaims(raw, c, func(t *jwt.Token) (interface{}, error) { return secret, nil })
}

func parseChecked(raw string) (*jwt.Token, error) {
	// ok: go-jwt-missing-algorithm-check
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, fmt.Errorf("unexpected signing method %v", t.Header["alg"])
		}
		return secret, nil
	})
}

func parseOption(raw string) (*jwt.Token, error) {
	// ok: go-jwt-missing-algorithm-check
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return secret, nil }, jwt.WithValidMethods([]string{"HS256"}))
}
