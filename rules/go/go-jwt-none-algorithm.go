// ruleid: go-jwt-none-algorithm
token := jwt.NewWithClaims(jwt.SigningMethodNone, claims)
// ruleid: go-jwt-none-algorithm
return jwt.UnsafeAllowNoneSignatureType, nil
// ok: go-jwt-none-algorithm
token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
