package auth

func userFrom(r *http.Request) (string, error) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	claims := jwt.MapClaims{}
	// ruleid: go-jwt-parse-unverified
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims)
	return claims["sub"].(string), err
}
