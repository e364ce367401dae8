package auth

func verify(raw string) (*jwt.Token, error) {
	// ok: go-jwt-parse-unverified
	unverified, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	kid, _ := unverified.Header["kid"].(string)
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return keys[kid], nil }, jwt.WithValidMethods([]string{"RS256"}))
}
