// ruleid: go-bcrypt-low-cost
hash, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost)
// ruleid: go-bcrypt-low-cost
// fixed: hash, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
hash, err := bcrypt.GenerateFromPassword([]byte(pw), 4)
// ok: go-bcrypt-low-cost
hash, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
// ok: go-bcrypt-low-cost
hash, err := bcrypt.GenerateFromPassword([]byte(pw), 12)
